"""Apprising families of other families' practices (issue 6 §5): a liaison message may point
to a feed post that every recipient already sees and none of them wrote; the text still goes
through the rules module as a declared best-practice message."""

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.demonstration import Phase
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.inbox import MessageDelivery
from app.models.message import LiaisonMessage, LiaisonMessageReason, MessageStatus
from app.models.practice import PracticePost, PracticeScope
from tests.api.program_world import World, make_world
from tests.factories import Actors, make_household
from tests.practice_factories import make_post, set_consent

REPORT = "A family in Monrovia doubled their sales after pooling money with two neighbors."
ADVICE = "Great survey! Next month you should pay down the card"


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors, phase=Phase.II)


def shared_post(db: Session, author: Household, **overrides: Any) -> PracticePost:
    """A post the whole demonstration sees: shared beyond the author's group, with consent."""
    set_consent(db, author, ConsentPurpose.SHARE_BEYOND_GROUP, True)
    return make_post(db, author, **({"scope": PracticeScope.DEMONSTRATION} | overrides))


def send(client: TestClient, actors: Actors, world: World, **body: Any) -> Any:
    body.setdefault("intent", "best_practice")
    body.setdefault("text", REPORT)
    if "friend_group_id" not in body:
        body.setdefault("household_id", str(world.seed.id))
    return client.post(
        f"/v1/demonstrations/{world.demonstration.id}/messages",
        json=body,
        headers=actors.liaison.headers,
    )


def check(client: TestClient, actors: Actors, world: World, **body: Any) -> Any:
    body.setdefault("text", REPORT)
    return client.post(
        f"/v1/demonstrations/{world.demonstration.id}/messages/check",
        json=body,
        headers=actors.liaison.headers,
    )


def counts(db: Session) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        db.exec(select(sa.func.count()).select_from(table)).one()
        for table in (LiaisonMessage, LiaisonMessageReason, MessageDelivery)
    )


def test_a_reference_is_delivered_in_phase_two_and_shown_in_the_inbox(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = shared_post(db, world.loner)
    # Declared as logistics, it is still a best-practice message: the reference decides.
    response = send(client, actors, world, practice_post_id=str(post.id), intent="logistics")
    assert response.status_code == 201, response.text
    sent = response.json()
    assert sent["practice_post_id"] == str(post.id)
    assert sent["intent"] == "best_practice" and sent["status"] == "delivered"
    [item] = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"]
    assert item["practice_post_id"] == str(post.id) and item["text"] == REPORT
    # The family can open the post it is pointed to.
    opened = client.get(f"/v1/practices/{post.id}", headers=world.seed_family.headers)
    assert opened.status_code == 200
    listed = client.get(
        f"/v1/demonstrations/{world.demonstration.id}/messages", headers=actors.liaison.headers
    ).json()["items"]
    assert listed[0]["practice_post_id"] == str(post.id)


def test_a_message_without_a_reference_carries_none(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    response = send(client, actors, world, intent="logistics", text="Meeting at 6.")
    assert response.status_code == 201 and response.json()["practice_post_id"] is None
    [item] = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"]
    assert item["practice_post_id"] is None


def test_a_group_message_may_point_every_member_to_another_groups_post(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = shared_post(db, world.loner)
    response = send(
        client, actors, world, friend_group_id=world.group_id, practice_post_id=str(post.id)
    )
    assert response.status_code == 201, response.text
    assert response.json()["recipients"] == 3
    for family in [world.seed_family, *world.friend_families]:
        [item] = client.get("/v1/me/inbox", headers=family.headers).json()["items"]
        assert item["practice_post_id"] == str(post.id)


@pytest.mark.parametrize("text", [REPORT, "Meeting at 6."])
def test_phase_one_blocks_a_reference_and_keeps_the_attempt(
    client: TestClient, db: Session, actors: Actors, world: World, text: str
) -> None:
    """In phase I even a neutral text becomes best-practice sharing once it points to a post."""
    world.demonstration.phase = Phase.I
    db.add(world.demonstration)
    post = shared_post(db, world.loner)
    response = send(client, actors, world, practice_post_id=str(post.id), text=text)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "message-blocked"
    assert problem["verdict"]["declared_intent"] == "best_practice"
    attempt = db.get_one(LiaisonMessage, uuid.UUID(problem["blocked_message_id"]))
    assert attempt.status is MessageStatus.BLOCKED and attempt.practice_post_id == post.id
    assert client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"] == []
    blocked = client.get(
        f"/v1/organizations/{actors.organization.id}/blocked-messages",
        headers=actors.partner_admin.headers,
    ).json()["items"]
    assert blocked[0]["practice_post_id"] == str(post.id)


def test_advice_with_a_reference_is_blocked_in_phase_two(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = shared_post(db, world.loner)
    response = send(client, actors, world, practice_post_id=str(post.id), text=ADVICE)
    assert response.status_code == 422 and response.json()["code"] == "message-blocked"
    attempt = db.get_one(LiaisonMessage, uuid.UUID(response.json()["blocked_message_id"]))
    assert attempt.category.value == "advice" and attempt.practice_post_id == post.id
    assert not db.exec(
        select(MessageDelivery).where(MessageDelivery.message_id == attempt.id)
    ).all()


def _invisible(db: Session, world: World, kind: str) -> uuid.UUID:
    if kind == "unknown":
        return uuid.uuid4()
    if kind == "other_group_only":  # the loner's group sees it, the seed's does not
        return make_post(db, world.loner).id
    if kind == "not_shared":  # scoped to the demonstration, but its author never consented
        return make_post(db, world.loner, scope=PracticeScope.DEMONSTRATION).id
    if kind == "other_tenant":
        return shared_post(db, world.other_household).id
    post = shared_post(db, world.loner)
    if kind == "deleted":
        post.deleted_at = utcnow()
    else:
        post.hidden_at = utcnow()
    db.add(post)
    db.flush()
    return post.id


@pytest.mark.parametrize(
    "kind", ["unknown", "other_group_only", "not_shared", "other_tenant", "deleted", "hidden"]
)
def test_a_post_the_recipient_cannot_see_is_a_404(
    client: TestClient, db: Session, actors: Actors, world: World, kind: str
) -> None:
    post_id = _invisible(db, world, kind)
    before = counts(db)
    response = send(client, actors, world, practice_post_id=str(post_id))
    assert response.status_code == 404, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "practice-post-not-found"
    # Another organization's post answers exactly like one that does not exist.
    unknown = send(client, actors, world, practice_post_id=str(uuid.uuid4())).json()
    assert {k: v for k, v in problem.items() if k != "practice_post_id"} == {
        k: v for k, v in unknown.items() if k != "practice_post_id"
    }
    db.expire_all()
    assert counts(db) == before


def test_a_world_post_of_another_partner_may_be_shared(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    """Phase II may apprise families of practices "in their region or other countries"."""
    post = shared_post(db, world.other_household, scope=PracticeScope.WORLD)
    response = send(client, actors, world, practice_post_id=str(post.id))
    assert response.status_code == 201, response.text


def test_pointing_a_household_to_its_own_post_is_refused(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    own = shared_post(db, world.seed)
    before = counts(db)
    response = send(client, actors, world, practice_post_id=str(own.id))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "practice-post-own"
    # A group message refuses a post of any member of the group, even a group-only one.
    member_post = make_post(db, world.friends[0])
    grouped = send(
        client, actors, world, friend_group_id=world.group_id, practice_post_id=str(member_post.id)
    )
    assert grouped.status_code == 422 and grouped.json()["code"] == "practice-post-own"
    assert counts(db) == before


def test_a_group_message_needs_the_post_visible_to_every_member(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    """Visibility is checked per household: a member that cannot see the post refuses the
    whole message, even when the others can (here a member enrolled in another
    demonstration, so the demonstration-wide post is not in its feed)."""
    post = shared_post(db, world.loner)
    group = db.get_one(FriendGroup, world.seed.friend_group_id)
    stranger = make_household(db, world.other_demonstration, friend_group=group)
    assert stranger.friend_group_id == group.id
    before = counts(db)
    response = send(
        client, actors, world, friend_group_id=world.group_id, practice_post_id=str(post.id)
    )
    assert response.status_code == 404 and response.json()["code"] == "practice-post-not-found"
    assert counts(db) == before


def test_a_resend_must_repeat_the_same_reference(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    first, second = shared_post(db, world.loner), shared_post(db, world.loner)
    client_id = str(uuid.uuid4())
    before = counts(db)
    sent = send(client, actors, world, practice_post_id=str(first.id), client_message_id=client_id)
    assert sent.status_code == 201
    again = send(client, actors, world, practice_post_id=str(first.id), client_message_id=client_id)
    assert again.status_code == 201 and again.json()["id"] == sent.json()["id"]
    for other in (str(second.id), None):
        changed = send(client, actors, world, practice_post_id=other, client_message_id=client_id)
        assert changed.status_code == 409, changed.text
        assert changed.json()["code"] == "client-message-id-reused"
    assert counts(db)[0] == before[0] + 1


def test_a_blocked_resend_with_another_reference_is_a_409(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    first, second = shared_post(db, world.loner), shared_post(db, world.loner)
    client_id = str(uuid.uuid4())
    body = {"text": ADVICE, "client_message_id": client_id}
    assert send(client, actors, world, practice_post_id=str(first.id), **body).status_code == 422
    changed = send(client, actors, world, practice_post_id=str(second.id), **body)
    assert changed.status_code == 409


def test_the_dry_run_checks_a_reference_and_records_nothing(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = shared_post(db, world.loner)
    before = counts(db)
    verdict = check(
        client, actors, world, household_id=str(world.seed.id), practice_post_id=str(post.id)
    )
    assert verdict.status_code == 200, verdict.text
    assert verdict.json()["allowed"] is True
    assert verdict.json()["declared_intent"] == "best_practice"
    grouped = check(
        client, actors, world, friend_group_id=world.group_id, practice_post_id=str(post.id)
    )
    assert grouped.status_code == 200 and grouped.json()["allowed"] is True
    world.demonstration.phase = Phase.I
    db.add(world.demonstration)
    db.flush()
    phase_one = check(
        client, actors, world, household_id=str(world.seed.id), practice_post_id=str(post.id)
    )
    assert phase_one.status_code == 200 and phase_one.json()["allowed"] is False
    hidden = make_post(db, world.loner)
    refused = check(
        client, actors, world, household_id=str(world.seed.id), practice_post_id=str(hidden.id)
    )
    assert refused.status_code == 404 and refused.json()["code"] == "practice-post-not-found"
    own = check(
        client, actors, world, household_id=str(world.loner.id), practice_post_id=str(post.id)
    )
    assert own.status_code == 422 and own.json()["code"] == "practice-post-own"
    db.expire_all()
    assert counts(db) == before


def test_the_dry_run_needs_a_recipient_for_a_reference(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = shared_post(db, world.loner)
    for body in (
        {"practice_post_id": str(post.id)},
        {"household_id": str(world.seed.id), "friend_group_id": world.group_id},
    ):
        response = check(client, actors, world, **body)
        assert response.status_code == 422 and response.json()["code"] == "validation-error"
    unknown = check(client, actors, world, household_id=str(world.other_household.id))
    assert unknown.status_code == 404 and unknown.json()["code"] == "recipient-not-found"


def test_deleting_a_post_keeps_the_message_and_drops_the_reference(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = shared_post(db, world.loner)
    sent = send(client, actors, world, practice_post_id=str(post.id)).json()
    db.exec(sa.delete(PracticePost).where(PracticePost.id == post.id))  # type: ignore[call-overload,arg-type]
    db.expire_all()
    message = db.get_one(LiaisonMessage, uuid.UUID(sent["id"]))
    assert message.practice_post_id is None and message.status is MessageStatus.DELIVERED
