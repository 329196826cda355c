"""Review by the partner's staff: the queue, decisions with If-Match, comments, stipends."""

import pytest
from sqlmodel import select

from app.models.audit import AuditEntry
from app.models.stipend import StipendEntry
from app.models.survey import ReviewEvent
from tests.factories import make_household
from tests.surveys.world import SurveyWorld, answers, month, submission


def submit(client, world: SurveyWorld, months_ago: int = 0, family=None) -> dict:
    family = family or world.family
    response = client.put(
        f"/v1/me/surveys/{month(months_ago)}", json=submission(), headers=family.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def decide(client, headers, survey_id, decision, comment=None, etag=None):  # type: ignore[no-untyped-def]
    if etag is None:
        etag = client.get(f"/v1/surveys/{survey_id}", headers=headers).headers["etag"]
    body = {"decision": decision} | ({"comment": comment} if comment else {})
    return client.post(
        f"/v1/surveys/{survey_id}/decisions", json=body, headers=headers | {"If-Match": etag}
    )


def test_the_queue_filters_by_state_month_and_group(client, world, db) -> None:
    liaison = world.actors.liaison.headers
    first = submit(client, world, 1)
    submit(client, world, 0)
    url = f"/v1/demonstrations/{world.demonstration.id}/surveys"
    assert len(client.get(url, headers=liaison).json()["items"]) == 2
    assert decide(client, liaison, first["id"], "verify").status_code == 200
    verified = client.get(url, params={"state": "verified"}, headers=liaison).json()["items"]
    assert [item["id"] for item in verified] == [first["id"]]
    by_month = client.get(url, params={"period": month(0)}, headers=liaison).json()["items"]
    assert [item["period"] for item in by_month] == [month(0)]
    group = client.get(
        url, params={"friend_group_id": str(world.household.friend_group_id)}, headers=liaison
    ).json()["items"]
    assert len(group) == 2
    other_group = make_household(db, world.demonstration)
    none = client.get(
        url, params={"friend_group_id": str(other_group.friend_group_id)}, headers=liaison
    ).json()["items"]
    assert none == []
    page = client.get(url, params={"limit": 1}, headers=liaison).json()
    rest = client.get(url, params={"limit": 1, "cursor": page["next_cursor"]}, headers=liaison)
    assert {page["items"][0]["id"], rest.json()["items"][0]["id"]} == {
        item["id"] for item in client.get(url, headers=liaison).json()["items"]
    }


def test_verifying_earns_the_stipend_once(client, world, db) -> None:
    liaison = world.actors.liaison.headers
    admin = world.actors.partner_admin.headers
    survey = submit(client, world)
    verified = decide(client, liaison, survey["id"], "verify")
    assert verified.status_code == 200, verified.text
    assert verified.json()["state"] == "verified"
    unverified = decide(client, admin, survey["id"], "unverify", "Counted twice; checking again.")
    assert unverified.status_code == 200, unverified.text
    assert unverified.json()["state"] == "submitted"
    assert decide(client, liaison, survey["id"], "verify").status_code == 200
    entries = db.exec(select(StipendEntry)).all()
    assert [(e.kind, e.amount_minor, e.currency) for e in entries] == [("earning", 2500, "USD")]
    mine = client.get("/v1/me/stipends", headers=world.family.headers).json()
    assert mine["balances"] == [
        {"currency": "USD", "earned_minor": 2500, "paid_minor": 0, "due_minor": 2500}
    ]
    actions = {entry.action for entry in db.exec(select(AuditEntry)).all()}
    assert {"survey.verify", "survey.unverify", "stipend.earned"} <= actions


def test_decisions_need_the_current_etag(client, world) -> None:
    liaison = world.actors.liaison.headers
    survey = submit(client, world)
    url = f"/v1/surveys/{survey['id']}/decisions"
    missing = client.post(url, json={"decision": "verify"}, headers=liaison)
    assert missing.status_code == 428
    assert missing.json()["code"] == "precondition-required"
    tag = client.get(f"/v1/surveys/{survey['id']}", headers=liaison).headers["etag"]
    # The family revises meanwhile.
    client.patch(
        f"/v1/me/surveys/{month()}",
        json={"form_version": 1, "answers": answers(debt=1)},
        headers=world.family.headers | {"If-Match": tag},
    )
    stale = client.post(url, json={"decision": "verify"}, headers=liaison | {"If-Match": tag})
    assert stale.status_code == 412
    assert stale.json()["code"] == "stale-version"


def test_clarification_then_resubmission_then_verification(client, world, db) -> None:
    liaison = world.actors.liaison.headers
    survey = submit(client, world)
    asked = decide(client, liaison, survey["id"], "clarify", "Is the debt amount in cents?")
    assert asked.json()["state"] == "needs_clarification", asked.text
    mine = client.get(f"/v1/me/surveys/{month()}", headers=world.family.headers)
    assert mine.json()["reviews"][-1]["comment"] == "Is the debt amount in cents?"
    revised = client.patch(
        f"/v1/me/surveys/{month()}",
        json={"form_version": 1, "answers": answers(debt=800)},
        headers=world.family.headers | {"If-Match": mine.headers["etag"]},
    )
    assert revised.json()["state"] == "resubmitted"
    assert decide(client, liaison, survey["id"], "verify").json()["state"] == "verified"
    locked = client.patch(
        f"/v1/me/surveys/{month()}",
        json={"form_version": 1, "answers": answers(debt=1)},
        headers=world.family.headers | {"If-Match": "*"},
    )
    assert locked.status_code == 409
    assert locked.json()["code"] == "survey-locked"


def test_rejection_and_clarification_need_a_comment(client, world) -> None:
    liaison = world.actors.liaison.headers
    survey = submit(client, world)
    for decision in ("reject", "clarify"):
        response = decide(client, liaison, survey["id"], decision)
        assert response.status_code == 422
        assert response.json()["code"] == "comment-required"
    rejected = decide(client, liaison, survey["id"], "reject", "This is last year's survey.")
    assert rejected.json()["state"] == "rejected"
    again = decide(client, liaison, survey["id"], "verify")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid-transition"


def test_only_partner_admins_unverify(client, world) -> None:
    liaison = world.actors.liaison.headers
    survey = submit(client, world)
    decide(client, liaison, survey["id"], "verify")
    response = decide(client, liaison, survey["id"], "unverify", "Oops.")
    assert response.status_code == 403


def test_advice_in_a_comment_is_blocked_and_nothing_changes(client, world, db) -> None:
    liaison = world.actors.liaison.headers
    survey = submit(client, world)
    response = decide(
        client,
        liaison,
        survey["id"],
        "clarify",
        "Great survey! Next month you should pay down the card.",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "message-blocked"
    assert client.get(f"/v1/surveys/{survey['id']}", headers=liaison).json()["state"] == "submitted"
    comment = client.post(
        f"/v1/surveys/{survey['id']}/comments",
        json={"text": "You should save more money every week."},
        headers=liaison,
    )
    assert comment.status_code == 422
    assert not db.exec(select(ReviewEvent)).all()
    fine = client.post(
        f"/v1/surveys/{survey['id']}/comments",
        json={"text": "Thanks, we received your survey."},
        headers=liaison,
    )
    assert fine.status_code == 201, fine.text
    seen = client.get(f"/v1/me/surveys/{month()}", headers=world.family.headers).json()
    assert [review["comment"] for review in seen["reviews"]] == ["Thanks, we received your survey."]


def test_no_route_lets_staff_change_answers(app) -> None:
    writes = [
        (path, method)
        for path, item in app.openapi()["paths"].items()
        for method in item
        if method in {"put", "patch", "post"} and "survey" in path
    ]
    staff_writes = [(p, m) for p, m in writes if not p.startswith("/v1/me/")]
    assert sorted(staff_writes) == [
        ("/v1/demonstrations/{demonstration_id}/survey-form", "put"),
        ("/v1/surveys/{submission_id}/comments", "post"),
        ("/v1/surveys/{submission_id}/decisions", "post"),
    ]


@pytest.mark.parametrize(
    ("role", "which", "expected"),
    [
        ("liaison", "own", 200),
        ("partner_admin", "own", 200),
        ("platform_admin", "own", 200),
        ("family", "own", 403),
        ("liaison", "other", 404),
        ("partner_admin", "other", 404),
    ],
)
def test_who_reads_a_survey_and_the_queue(client, world, role, which, expected) -> None:
    survey = (
        submit(client, world)
        if which == "own"
        else submit(client, world, family=world.other_family)
    )
    headers = world.actors.by_role()[role].headers
    assert client.get(f"/v1/surveys/{survey['id']}", headers=headers).status_code == expected
    assert (
        client.get(f"/v1/surveys/{survey['id']}/revisions", headers=headers).status_code == expected
    )
    demonstration = world.demonstration if which == "own" else world.other_demonstration
    queue = client.get(f"/v1/demonstrations/{demonstration.id}/surveys", headers=headers)
    assert queue.status_code == expected


def test_a_liaison_not_assigned_to_the_demonstration_sees_nothing(
    client, world, db, test_settings
) -> None:
    from app.models.user import Role
    from tests.factories import make_user, sign_in

    stranger = sign_in(
        db, test_settings, make_user(db, Role.LIAISON, organization_id=world.actors.organization.id)
    )
    survey = submit(client, world)
    assert client.get(f"/v1/surveys/{survey['id']}", headers=stranger.headers).status_code == 404
    response = decide(client, stranger.headers, survey["id"], "verify", etag='"x"')
    assert response.status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"decision": "approve"},
        {"decision": "verify", "comment": ""},
        {"decision": "verify", "comment": "x" * 2001},
        {"decision": "verify", "comment": "a\x00b"},
        {},
    ],
)
def test_bad_decisions_are_a_422(client, world, body) -> None:
    survey = submit(client, world)
    response = client.post(
        f"/v1/surveys/{survey['id']}/decisions",
        json=body,
        headers=world.actors.liaison.headers | {"If-Match": "*"},
    )
    assert response.status_code == 422
