"""Dashboards and shared measurement: the figures, who may read them, and suppression of
cells from fewer than 5 households in JSON, CSV and SVG."""

import csv
import io

import pytest
from sqlmodel import Session

from app.models.friend_group import FriendGroup
from tests.factories import Actors, assign_liaison, make_demonstration, make_household
from tests.progress.helpers import verified_survey


@pytest.fixture
def program(db: Session, actors: Actors):  # type: ignore[no-untyped-def]
    """Group A: 6 households, each from 100 000 to 100 000 + 10 000·i of total income.
    Group B: 3 households (every per-group figure suppressed). Month 2026-03 has only the
    3 households of group B (suppressed)."""
    demonstration = make_demonstration(db, actors.organization)
    assign_liaison(db, demonstration, actors.liaison.user)
    seed_a, seed_b = (
        make_household(db, demonstration, label="Seed A"),
        make_household(db, demonstration, label="Seed B"),
    )
    group_a = db.get(FriendGroup, seed_a.friend_group_id)
    group_b = db.get(FriendGroup, seed_b.friend_group_id)
    a = [seed_a] + [make_household(db, demonstration, friend_group=group_a) for _ in range(5)]
    b = [seed_b] + [make_household(db, demonstration, friend_group=group_b) for _ in range(2)]
    zero = {"income_business": 0, "income_other": 0}
    for i, household in enumerate(a):
        verified_survey(db, household, "2026-01", income_work=100000, savings=1000, **zero)
        verified_survey(db, household, "2026-02", income_work=100000 + 10000 * i, **zero)
    for household in b:
        verified_survey(db, household, "2026-01", income_work=50000, **zero)
        verified_survey(db, household, "2026-03", income_work=70000, **zero)
    return demonstration, a, b


def test_dashboard_figures_and_suppression(client, actors, program) -> None:
    demonstration, _a, _b = program
    body = client.get(
        f"/v1/demonstrations/{demonstration.id}/dashboard", headers=actors.partner_admin.headers
    ).json()
    assert body["households_enrolled"] == {"value": 9.0, "suppressed": False}
    income = next(c for c in body["changes"] if c["indicator"] == "total_income")
    # Changes: A 0,10k,…,50k; B 20k x3 → mean (150k + 60k) / 9, median 20k.
    assert income["mean_change"]["value"] == pytest.approx(210000 / 9)
    assert income["median_change"]["value"] == 20000
    months = {m["period"]: m for m in body["months"]}
    assert months["2026-01"]["verified"]["value"] == 9
    assert months["2026-01"]["mean_total_income"]["value"] == pytest.approx(750000 / 9)
    assert months["2026-03"]["verified"] == {"value": None, "suppressed": True}
    assert months["2026-03"]["mean_total_income"] == {"value": None, "suppressed": True}
    groups = {g["seed_label"]: g for g in body["groups"]}
    group_a = next(c for c in groups["Seed A"]["changes"] if c["indicator"] == "total_income")
    assert group_a["median_change"]["value"] == 25000
    for change in groups["Seed B"]["changes"]:
        for measure in (
            "households",
            "mean_baseline",
            "mean_latest",
            "mean_change",
            "median_change",
        ):
            assert change[measure] == {"value": None, "suppressed": True}
    assert groups["Seed B"]["households_enrolled"] == {"value": None, "suppressed": True}


def test_csv_says_suppressed_never_zero(client, actors, program) -> None:
    demonstration, _, _ = program
    response = client.get(
        f"/v1/demonstrations/{demonstration.id}/dashboard.csv",
        headers=actors.liaison.headers,
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    group_b = [r for r in rows if r["seed_label"] == "Seed B"]
    assert group_b and all(r["value"] == "suppressed" for r in group_b)
    march = [r for r in rows if r["period"] == "2026-03"]
    assert {r["measure"]: r["value"] for r in march}["verified"] == "suppressed"
    total = {
        (r["indicator"], r["measure"]): r["value"] for r in rows if r["scope"] == "demonstration"
    }
    assert total[("total_income", "median_change")] == "20000"


def test_svg_leaves_suppressed_months_out(client, actors, program) -> None:
    demonstration, _, _ = program
    response = client.get(
        f"/v1/demonstrations/{demonstration.id}/dashboard.svg",
        headers=actors.partner_admin.headers,
    )
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "<title" in response.text and "gaps: suppressed" in response.text
    assert response.text.count("<circle") == 2  # 2026-01, 2026-02; not 2026-03


def test_only_the_partners_staff_read_the_dashboard(client, actors, program, db) -> None:
    demonstration, _a, _ = program
    url = f"/v1/demonstrations/{demonstration.id}/dashboard"
    assert client.get(url, headers=actors.other_partner_admin.headers).status_code == 404
    assert client.get(url, headers=actors.other_liaison.headers).status_code == 404
    assert client.get(url, headers=actors.family.headers).status_code == 403
    unassigned = make_demonstration(db, actors.organization)
    other_url = f"/v1/demonstrations/{unassigned.id}/dashboard"
    assert client.get(other_url, headers=actors.liaison.headers).status_code == 404
    assert client.get(other_url, headers=actors.partner_admin.headers).status_code == 200


def test_measurement_per_organization_and_public_totals(client, actors, program, db) -> None:
    other = make_demonstration(db, actors.other_organization)
    lone = make_household(db, other)
    verified_survey(db, lone, "2026-01")
    verified_survey(db, lone, "2026-02")
    body = client.get("/v1/measurement", headers=actors.platform_admin.headers).json()
    by_name = {o["organization_name"]: o for o in body["organizations"]}
    assert by_name[actors.organization.name]["households"]["value"] == 9
    small = by_name[actors.other_organization.name]
    assert small["households"] == {"value": None, "suppressed": True}
    assert all(c["median_change"]["suppressed"] for c in small["changes"])
    public = client.get("/v1/public/measurement").json()
    assert set(public) == {"minimum_households", "total"}
    assert public["total"]["households"]["value"] >= 10
    assert client.get("/v1/measurement", headers=actors.partner_admin.headers).status_code == 403
