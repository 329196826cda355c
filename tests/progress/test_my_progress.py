"""A family's own progress through the real survey and verification flow."""

from sqlmodel import select

from app.models.progress import HouseholdProgress
from tests.surveys.test_verification import decide
from tests.surveys.world import answers, month, submission


def send(client, world, months_ago: int, **values) -> str:  # type: ignore[no-untyped-def]
    body = submission(answers=answers(**values))
    response = client.put(
        f"/v1/me/surveys/{month(months_ago)}", json=body, headers=world.family.headers
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_baseline_latest_change_and_series(client, world, db) -> None:
    liaison = world.actors.liaison.headers
    first = send(client, world, 3, income_work=100000, income_business=0, income_other=0, debt=9000)
    second = send(
        client, world, 2, income_work=120000, income_business=5000, income_other=0, debt=7000
    )
    send(client, world, 1, income_work=999999)  # not verified: not counted
    third = send(
        client, world, 0, income_work=90000, income_business=20000, income_other=1000, debt=4000
    )
    for survey in (third, first, second):
        assert decide(client, liaison, survey, "verify").status_code == 200

    body = client.get("/v1/me/progress", headers=world.family.headers).json()
    assert body["verified_months"] == 3
    total = next(i for i in body["indicators"] if i["indicator"] == "total_income")
    assert total["baseline"] == 100000 and total["baseline_period"] == month(3)
    assert total["latest"] == 111000 and total["latest_period"] == month(0)
    assert total["change"] == 11000
    assert [p["value"] for p in total["series"]] == [100000, 125000, 111000]
    debt = next(i for i in body["indicators"] if i["indicator"] == "debt")
    assert (debt["baseline"], debt["latest"], debt["change"]) == (9000, 4000, -5000)

    row = db.exec(
        select(HouseholdProgress).where(HouseholdProgress.household_id == world.household.id)
    ).one()
    assert (row.baseline_total_income, row.latest_total_income, row.verified_months) == (
        100000,
        111000,
        3,
    )
    # Un-verifying moves the rollup back.
    admin = world.actors.partner_admin.headers
    assert (
        decide(client, admin, third, "unverify", comment="Wrong month, sorry.").status_code == 200
    )
    db.expire_all()
    row = db.exec(
        select(HouseholdProgress).where(HouseholdProgress.household_id == world.household.id)
    ).one()
    assert (row.latest_total_income, row.verified_months) == (125000, 2)


def test_chart_in_the_family_language(client, world) -> None:
    empty = client.get(
        "/v1/me/progress.svg", params={"indicator": "savings", "lang": "es"},
        headers=world.family.headers,
    )  # fmt: skip
    assert empty.status_code == 200
    assert empty.headers["content-type"].startswith("image/svg+xml")
    assert "<title" in empty.text and "<desc" in empty.text
    assert "Ahorros al final del mes" in empty.text and "Aún no hay" in empty.text
    assert (
        client.get(
            "/v1/me/progress.svg", params={"indicator": "nope"}, headers=world.family.headers
        ).status_code
        == 422
    )


def test_progress_is_for_families_only(client, world) -> None:
    assert client.get("/v1/me/progress", headers=world.actors.liaison.headers).status_code == 403
    assert client.get("/v1/me/progress").status_code == 401
