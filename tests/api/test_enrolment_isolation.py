"""Tenancy for every enrolment route: another partner's ids, an unassigned liaison's view and
another household's ids all answer 404 like unknown ids; a role that may not call a route, 403."""

from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.routers import audit_log, consent, demonstrations, friend_groups, households, invitations
from tests.api.enrolment_world import (
    DEMONSTRATION_BODY,
    REDEEM_BODY,
    SEED_BODY,
    Enrolment,
    make_enrolment,
)
from tests.factories import Actors

MEMBER = {"age_band": "0-5"}

# operation id, method, path, caller, expected status (one route may have several rows)
TABLE = """
demonstrations_create             POST   /v1/organizations/{other_org}/demonstrations                           partner_admin        404
demonstrations_create             POST   /v1/organizations/{org}/demonstrations                                 liaison              403
demonstrations_create             POST   /v1/organizations/{org}/demonstrations                                 seed_family          403
demonstrations_list               GET    /v1/organizations/{other_org}/demonstrations                           partner_admin        404
demonstrations_list               GET    /v1/organizations/{other_org}/demonstrations                           liaison              404
demonstrations_list               GET    /v1/organizations/{org}/demonstrations                                 seed_family          403
demonstrations_read               GET    /v1/demonstrations/{other_demo}                                        partner_admin        404
demonstrations_read               GET    /v1/demonstrations/{demo}                                              unassigned_liaison   404
demonstrations_read               GET    /v1/demonstrations/{demo}                                              seed_family          403
demonstrations_update             PATCH  /v1/demonstrations/{other_demo}                                        partner_admin        404
demonstrations_update             PATCH  /v1/demonstrations/{demo}                                              liaison              403
demonstration_liaisons_list       GET    /v1/demonstrations/{other_demo}/liaisons                               partner_admin        404
demonstration_liaisons_list       GET    /v1/demonstrations/{demo}/liaisons                                     unassigned_liaison   404
demonstration_liaisons_assign     PUT    /v1/demonstrations/{other_demo}/liaisons/{other_liaison}               partner_admin        404
demonstration_liaisons_assign     PUT    /v1/demonstrations/{demo}/liaisons/{other_liaison}                     partner_admin        404
demonstration_liaisons_assign     PUT    /v1/demonstrations/{demo}/liaisons/{unassigned}                        liaison              403
demonstration_liaisons_unassign   DELETE /v1/demonstrations/{other_demo}/liaisons/{other_liaison}               partner_admin        404
demonstration_liaisons_unassign   DELETE /v1/demonstrations/{demo}/liaisons/{liaison}                           liaison              403
demonstrations_diversity_report   GET    /v1/demonstrations/{other_demo}/diversity                              partner_admin        404
demonstrations_diversity_report   GET    /v1/demonstrations/{demo}/diversity                                    unassigned_liaison   404
demonstrations_diversity_report   GET    /v1/demonstrations/{demo}/diversity                                    seed_family          403
seeds_enrol                       POST   /v1/demonstrations/{other_demo}/seeds                                  partner_admin        404
seeds_enrol                       POST   /v1/demonstrations/{demo}/seeds                                        unassigned_liaison   404
seeds_enrol                       POST   /v1/demonstrations/{demo}/seeds                                        seed_family          403
households_list                   GET    /v1/demonstrations/{other_demo}/households                             partner_admin        404
households_list                   GET    /v1/demonstrations/{demo}/households                                   unassigned_liaison   404
households_list                   GET    /v1/demonstrations/{demo}/households                                   seed_family          403
friend_groups_list                GET    /v1/demonstrations/{other_demo}/friend-groups                          partner_admin        404
friend_groups_list                GET    /v1/demonstrations/{demo}/friend-groups                                unassigned_liaison   404
friend_groups_list                GET    /v1/demonstrations/{demo}/friend-groups                                seed_family          403
audit_log_list                    GET    /v1/organizations/{other_org}/audit-log                                partner_admin        404
audit_log_list                    GET    /v1/organizations/{org}/audit-log                                      liaison              403
audit_log_list                    GET    /v1/organizations/{org}/audit-log                                      seed_family          403
households_read                   GET    /v1/households/{friend}                                                seed_family          404
households_read                   GET    /v1/households/{loner}                                                 seed_family          404
households_read                   GET    /v1/households/{other_seed}                                            partner_admin        404
households_read                   GET    /v1/households/{seed}                                                  unassigned_liaison   404
households_update                 PATCH  /v1/households/{loner}                                                 seed_family          404
households_update                 PATCH  /v1/households/{seed}                                                  partner_admin        403
households_add_adult              POST   /v1/households/{loner}/adults                                          seed_family          404
households_add_adult              POST   /v1/households/{seed}/adults                                           liaison              403
members_list                      GET    /v1/households/{loner}/members                                         seed_family          404
members_list                      GET    /v1/households/{seed}/members                                          other_partner_admin  404
members_create                    POST   /v1/households/{loner}/members                                         seed_family          404
members_create                    POST   /v1/households/{seed}/members                                          liaison              403
members_update                    PATCH  /v1/households/{seed}/members/{loner_member}                           seed_family          404
members_update                    PATCH  /v1/households/{loner}/members/{loner_member}                          seed_family          404
members_update                    PATCH  /v1/households/{loner}/members/{loner_member}                          liaison              403
members_delete                    DELETE /v1/households/{seed}/members/{loner_member}                           seed_family          404
members_delete                    DELETE /v1/households/{loner}/members/{loner_member}                          seed_family          404
members_delete                    DELETE /v1/households/{loner}/members/{loner_member}                          partner_admin        403
consents_read                     GET    /v1/households/{loner}/consents                                        seed_family          404
consents_read                     GET    /v1/households/{seed}/consents                                         other_partner_admin  404
consents_change                   PUT    /v1/households/{loner}/consents/program_data                           seed_family          404
consents_change                   PUT    /v1/households/{seed}/consents/program_data                            partner_admin        403
consents_history                  GET    /v1/households/{friend}/consent-history                                seed_family          404
consents_history                  GET    /v1/households/{seed}/consent-history                                  unassigned_liaison   404
friend_groups_read                GET    /v1/friend-groups/{loner_group}                                        seed_family          404
friend_groups_read                GET    /v1/friend-groups/{other_group}                                        partner_admin        404
friend_groups_read                GET    /v1/friend-groups/{group}                                              unassigned_liaison   404
friend_groups_households          GET    /v1/friend-groups/{loner_group}/households                             seed_family          404
friend_groups_households          GET    /v1/friend-groups/{group}/households                                   other_partner_admin  404
invitations_list                  GET    /v1/friend-groups/{loner_group}/invitations                            seed_family          404
invitations_list                  GET    /v1/friend-groups/{group}/invitations                                  other_partner_admin  404
invitations_issue                 POST   /v1/friend-groups/{loner_group}/invitations                            seed_family          404
invitations_issue                 POST   /v1/friend-groups/{other_group}/invitations                            seed_family          404
invitations_issue                 POST   /v1/friend-groups/{group}/invitations                                  partner_admin        403
invitations_revoke                POST   /v1/friend-groups/{group}/invitations/{other_invitation}/revoke        seed_family          404
invitations_revoke                POST   /v1/friend-groups/{other_group}/invitations/{other_invitation}/revoke  seed_family          404
invitations_revoke                POST   /v1/friend-groups/{other_group}/invitations/{other_invitation}/revoke  other_partner_admin  403
invitations_redeem                POST   /v1/invitations/redeem                                                 partner_admin        403
invitations_redeem                POST   /v1/invitations/redeem                                                 liaison              403
"""  # noqa: E501

BODIES: dict[str, dict[str, Any]] = {
    "demonstrations_create": DEMONSTRATION_BODY,
    "demonstrations_update": {"name": "X"},
    "seeds_enrol": SEED_BODY,
    "households_update": {"label": "X"},
    "households_add_adult": {"phone": "+14155550178"},
    "members_create": MEMBER,
    "members_update": MEMBER,
    "consents_change": {"granted": True},
    "invitations_issue": {},
    "invitations_redeem": REDEEM_BODY,
}

CASES = [
    (op, method, path, BODIES.get(op), caller, int(status))
    for op, method, path, caller, status in (row.split() for row in TABLE.strip().splitlines())
]

ENROLMENT_ROUTERS = (audit_log, consent, demonstrations, friend_groups, households, invitations)


@pytest.fixture
def enrolment(db: Session, test_settings: Settings, actors: Actors) -> Enrolment:
    return make_enrolment(db, test_settings, actors)


def _ids(actors: Actors, world: Enrolment) -> dict[str, Any]:
    return {
        "org": actors.organization.id,
        "other_org": actors.other_organization.id,
        "demo": world.demonstration.id,
        "other_demo": world.other_demonstration.id,
        "liaison": actors.liaison.user.id,
        "other_liaison": actors.other_liaison.user.id,
        "unassigned": world.unassigned_liaison.user.id,
        "seed": world.seed.id,
        "friend": world.friend.id,
        "loner": world.loner.id,
        "other_seed": world.other_seed.id,
        "loner_member": world.loner_member.id,
        "group": world.seed.friend_group_id,
        "loner_group": world.loner.friend_group_id,
        "other_group": world.other_seed.friend_group_id,
        "other_invitation": world.other_invitation.id,
    }


def _caller(actors: Actors, world: Enrolment, name: str) -> dict[str, str]:
    signed_in = getattr(world, name, None) or getattr(actors, name)
    return signed_in.headers


@pytest.mark.parametrize(
    ("operation", "method", "path", "body", "caller", "status"),
    CASES,
    ids=[f"{case[0]}-{case[4]}-{case[5]}" for case in CASES],
)
def test_other_tenants_and_roles_are_kept_out(
    client: TestClient,
    actors: Actors,
    enrolment: Enrolment,
    operation: str,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    caller: str,
    status: int,
) -> None:
    url = path.format(**_ids(actors, enrolment))
    response = client.request(method, url, json=body, headers=_caller(actors, enrolment, caller))
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if status == 404:
        assert str(enrolment.other_seed.label) not in response.text


def test_every_enrolment_route_is_covered() -> None:
    operations = {
        route.operation_id
        for module in ENROLMENT_ROUTERS
        for route in module.router.routes
        if isinstance(route, APIRoute)
    }
    covered = {case[0] for case in CASES}
    assert operations - covered == set()
    statuses = {(case[0], case[5]) for case in CASES}
    assert all(
        (operation, 404) in statuses or operation == "invitations_redeem"
        for operation in operations
    )
