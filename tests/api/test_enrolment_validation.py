"""Bad input on every enrolment field is a 422 naming that field, never a 500, and a failed
request writes nothing."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from app.config import Settings
from app.models.household import Household
from tests.api.enrolment_world import (
    DEMONSTRATION_BODY,
    REDEEM_BODY,
    SEED_BODY,
    Enrolment,
    make_enrolment,
)
from tests.factories import Actors

NUL = "a\x00b"
LONG = "x" * 201
BIG = 2**63

# route, caller, valid body, field, bad value
CASES: list[tuple[str, str, dict[str, Any], str, Any]] = [
    *[
        ("POST /v1/organizations/{org}/demonstrations", "partner_admin", DEMONSTRATION_BODY, f, v)
        for f, v in [
            ("name", NUL),
            ("name", LONG),
            ("name", " "),
            ("name", 7),
            ("area", NUL),
            ("country", "USA"),
            ("country", "1A"),
            ("languages", []),
            ("languages", ["english!"]),
            ("languages", ["en"] * 21),
            ("languages", "en"),
            ("stipend_amount_minor", -1),
            ("stipend_amount_minor", BIG),
            ("stipend_amount_minor", 1.5),
            ("stipend_currency", "US"),
            ("stipend_currency", "U\x00D"),
            ("friends_per_seed", 0),
            ("friends_per_seed", 51),
            ("started_on", "2027-02-30"),
            ("started_on", "soon"),
        ]
    ],
    *[
        ("PATCH /v1/demonstrations/{demo}", "partner_admin", {}, f, v)
        for f, v in [("name", NUL), ("friends_per_seed", 99), ("languages", [NUL])]
    ],
    *[
        ("POST /v1/demonstrations/{demo}/seeds", "partner_admin", SEED_BODY, f, v)
        for f, v in [
            ("label", NUL),
            ("label", "x" * 81),
            ("label", ""),
            ("preferred_language", "x"),
            ("network_tags", [{"kind": "caste", "value": "x"}]),
            ("network_tags", [{"kind": "culture", "value": NUL}]),
            ("network_tags", [{"kind": "culture", "value": "x" * 81}]),
            ("network_tags", [{"kind": "culture", "value": "x"}] * 21),
            ("adults_count", -1),
            ("adults_count", 31),
            ("children_count", BIG),
            ("phone", "+1\x00415"),
            ("phone", "1" * 33),
            ("phone", 14155550177),
            ("full_name", NUL),
        ]
    ],
    *[
        ("PATCH /v1/households/{seed}", "seed_family", {}, f, v)
        for f, v in [
            ("label", NUL),
            ("children_count", 31),
            ("shared_with_group", ["phones"]),
            ("preferred_language", "en-"),
        ]
    ],
    *[
        ("POST /v1/households/{seed}/members", "seed_family", {"age_band": "0-5"}, f, v)
        for f, v in [
            ("first_name", NUL),
            ("first_name", "x" * 81),
            ("age_band", "5-10"),
            ("age_band", None),
            ("relation", "boss"),
        ]
    ],
    *[
        ("POST /v1/households/{seed}/adults", "seed_family", {"phone": "+14155550178"}, f, v)
        for f, v in [("phone", "abc"), ("full_name", NUL)]
    ],
    ("PUT /v1/households/{seed}/consents/program_data", "seed_family", {}, "granted", "maybe"),
    *[
        ("POST /v1/invitations/redeem", "newcomer", REDEEM_BODY, f, v)
        for f, v in [
            ("code", "ABC"),
            ("code", "ABCD\x00EFGH"),
            ("code", "x" * 21),
            ("program_data_consent", "yes please"),
            ("label", NUL),
        ]
    ],
]


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> Enrolment:
    return make_enrolment(db, test_settings, actors)


def _call(
    client: TestClient, actors: Actors, world: Enrolment, route: str, caller: str, body: Any
) -> Any:
    method, path = route.split(" ")
    url = path.format(org=actors.organization.id, demo=world.demonstration.id, seed=world.seed.id)
    signed_in = getattr(world, caller, None) or getattr(actors, caller, None) or actors.family
    return client.request(method, url, json=body, headers=signed_in.headers)


@pytest.mark.parametrize(
    ("route", "caller", "body", "field", "value"),
    CASES,
    ids=[f"{case[0].split()[1]}-{case[3]}-{index}" for index, case in enumerate(CASES)],
)
def test_bad_input_is_a_422_naming_the_field(
    client: TestClient,
    actors: Actors,
    world: Enrolment,
    route: str,
    caller: str,
    body: dict[str, Any],
    field: str,
    value: Any,
) -> None:
    response = _call(client, actors, world, route, caller, body | {field: value})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "validation-error"
    assert any(e["field"].startswith(f"body.{field}") for e in problem["errors"]), problem


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"language": "e"}, "query.language"),
        ({"tag": NUL}, "query.tag"),
        ({"tag": "x" * 81}, "query.tag"),
        ({"tag_kind": "caste"}, "query.tag_kind"),
        ({"seeds_only": "perhaps"}, "query.seeds_only"),
        ({"friend_group_id": "not-a-uuid"}, "query.friend_group_id"),
        ({"limit": 0}, "query.limit"),
        ({"limit": BIG}, "query.limit"),
        ({"cursor": "bad cursor!"}, "query.cursor"),
    ],
)
def test_bad_filters_are_a_422_naming_the_parameter(
    client: TestClient, actors: Actors, world: Enrolment, query: dict[str, Any], field: str
) -> None:
    url = f"/v1/demonstrations/{world.demonstration.id}/households"
    response = client.get(url, params=query, headers=actors.liaison.headers)
    assert response.status_code == 422, response.text
    assert field in {error["field"] for error in response.json()["errors"]}


def test_bad_ids_and_purposes_in_the_path_are_a_422(
    client: TestClient, world: Enrolment, actors: Actors
) -> None:
    headers = world.seed_family.headers
    purpose = client.put(
        f"/v1/households/{world.seed.id}/consents/marketing",
        json={"granted": True},
        headers=headers,
    )
    assert purpose.status_code == 422
    assert purpose.json()["errors"][0]["field"] == "path.purpose"
    household = client.get("/v1/households/123", headers=headers)
    assert household.json()["errors"][0]["field"] == "path.household_id"
    audit = client.get(
        f"/v1/organizations/{actors.organization.id}/audit-log",
        params={"entity": NUL},
        headers=actors.partner_admin.headers,
    )
    assert audit.json()["errors"][0]["field"] == "query.entity"


def test_a_refused_seed_enrolment_writes_nothing(
    client: TestClient, actors: Actors, world: Enrolment, db: Session
) -> None:
    def households() -> int:
        return db.exec(select(func.count()).select_from(Household)).one()

    before = households()
    taken = SEED_BODY | {"phone": world.loner_family.user.phone}
    url = f"/v1/demonstrations/{world.demonstration.id}/seeds"
    response = client.post(url, json=taken, headers=actors.partner_admin.headers)
    assert response.status_code == 409
    assert households() == before
