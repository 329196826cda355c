"""Payout batches, balances and the CSV for the payment provider."""

import csv
import io

import pytest
from sqlmodel import select

from app.models.stipend import StipendEntry
from tests.factories import make_family_member, make_household
from tests.surveys.test_verification import decide, submit


def verified(client, world, months_ago=0, family=None) -> dict:  # type: ignore[no-untyped-def]
    survey = submit(client, world, months_ago, family=family)
    response = decide(client, world.actors.liaison.headers, survey["id"], "verify")
    assert response.status_code == 200
    return survey


def test_a_payout_batch_pays_everything_due_once(client, world, db, test_settings) -> None:
    admin = world.actors.partner_admin.headers
    neighbour = make_household(db, world.demonstration, label="=cmd|' /C calc'!A0")
    neighbour_family = make_family_member(db, test_settings, neighbour)
    verified(client, world, 0)
    verified(client, world, 1)
    verified(client, world, 0, family=neighbour_family)
    url = f"/v1/demonstrations/{world.demonstration.id}/payout-batches"
    body = {"external_reference": "MPESA-2026-11", "paid_on": "2026-11-30"}
    created = client.post(url, json=body, headers=admin)
    assert created.status_code == 201, created.text
    batch = created.json()
    assert (batch["total_minor"], batch["entries_count"], batch["households_count"]) == (7500, 3, 2)
    assert client.post(url, json=body, headers=admin).json()["code"] == "payout-reference-taken"
    nothing = client.post(url, json=body | {"external_reference": "again"}, headers=admin)
    assert nothing.status_code == 422
    assert nothing.json()["code"] == "nothing-due"
    mine = client.get("/v1/me/stipends", headers=world.family.headers).json()
    assert mine["balances"] == [
        {"currency": "USD", "earned_minor": 5000, "paid_minor": 5000, "due_minor": 0}
    ]
    assert [entry["kind"] for entry in mine["history"]].count("payout") == 2
    exported = client.get(f"/v1/payout-batches/{batch['id']}/export", headers=admin)
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert sorted(int(row["amount_minor"]) for row in rows) == [2500, 5000]
    assert {row["household_label"] for row in rows} >= {"'=cmd|' /C calc'!A0"}
    listed = client.get(url, headers=admin).json()["items"]
    assert [item["id"] for item in listed] == [batch["id"]]
    balances = client.get(
        f"/v1/demonstrations/{world.demonstration.id}/stipend-balances", headers=admin
    ).json()
    assert {b["due_minor"] for b in balances} == {0}
    kinds = [entry.kind for entry in db.exec(select(StipendEntry)).all()]
    assert sorted(kinds) == ["earning"] * 3 + ["payout"] * 3


@pytest.mark.parametrize(
    "body",
    [
        {"external_reference": "", "paid_on": "2026-11-30"},
        {"external_reference": "x" * 101, "paid_on": "2026-11-30"},
        {"external_reference": "ok", "paid_on": "yesterday"},
        {"paid_on": "2026-11-30"},
    ],
)
def test_bad_batches_are_a_422(client, world, body) -> None:
    response = client.post(
        f"/v1/demonstrations/{world.demonstration.id}/payout-batches",
        json=body,
        headers=world.actors.partner_admin.headers,
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("role", "which", "expected"),
    [
        ("partner_admin", "own", 201),
        ("platform_admin", "own", 201),
        ("liaison", "own", 403),
        ("family", "own", 403),
        ("partner_admin", "other", 404),
    ],
)
def test_who_pays(client, world, role, which, expected) -> None:
    if which == "own":
        verified(client, world)
        demonstration = world.demonstration
    else:
        demonstration = world.other_demonstration
    headers = world.actors.by_role()[role].headers
    url = f"/v1/demonstrations/{demonstration.id}/payout-batches"
    response = client.post(
        url, json={"external_reference": "ref-1", "paid_on": "2026-11-30"}, headers=headers
    )
    assert response.status_code == expected, response.text
    if expected == 201:
        batch_id = response.json()["id"]
        other_admin = world.actors.other_partner_admin.headers
        assert client.get(f"/v1/payout-batches/{batch_id}", headers=other_admin).status_code == 404
        assert (
            client.get(f"/v1/payout-batches/{batch_id}/export", headers=other_admin).status_code
            == 404
        )
        liaison = world.actors.liaison.headers
        assert (
            client.get(f"/v1/payout-batches/{batch_id}/export", headers=liaison).status_code == 403
        )


def test_stipends_are_for_families_only(client, world) -> None:
    assert client.get("/v1/me/stipends", headers=world.actors.liaison.headers).status_code == 403
    assert client.get("/v1/me/stipends").status_code == 401
    empty = client.get("/v1/me/stipends", headers=world.other_family.headers).json()
    assert empty == {"balances": [], "history": [], "next_cursor": None}
