"""Verification: liaisons and partner admins review surveys; never change the answers.

States: submitted → verified | needs_clarification | rejected; needs_clarification →
(family revises) resubmitted → verified | needs_clarification | rejected; a partner admin may
un-verify (verified → submitted) with a reason. Every decision names the version it was made
on (`If-Match`) and is one conditional UPDATE on it. Comments are append-only, the family sees
them, and every text goes through the rules module first: no advice, ever.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden, Unprocessable
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.message import StaffTextChannel
from app.models.survey import (
    Decision,
    DecisionCreate,
    ReviewEvent,
    ReviewState,
    SurveySubmission,
)
from app.models.user import Role
from app.services import (
    audit,
    demonstrations,
    messages,
    preconditions,
    rollups,
    stipends,
    surveys,
)
from app.services.pagination import paginate
from app.services.principal import Principal

REVIEWABLE = frozenset({ReviewState.SUBMITTED, ReviewState.RESUBMITTED})
TRANSITIONS: dict[Decision, tuple[frozenset[ReviewState], ReviewState]] = {
    Decision.VERIFY: (REVIEWABLE, ReviewState.VERIFIED),
    Decision.CLARIFY: (REVIEWABLE, ReviewState.NEEDS_CLARIFICATION),
    Decision.REJECT: (REVIEWABLE, ReviewState.REJECTED),
    Decision.UNVERIFY: (frozenset({ReviewState.VERIFIED}), ReviewState.SUBMITTED),
}
NEEDS_COMMENT = frozenset({Decision.CLARIFY, Decision.REJECT, Decision.UNVERIFY})


class InvalidTransition(Conflict):
    code = "invalid-transition"
    title = "Not possible in this state"


class CommentRequired(Unprocessable):
    code = "comment-required"
    title = "A comment is required"


def next_state(state: ReviewState, decision: Decision) -> ReviewState | None:
    """Pure: the state a decision leads to, or None when it is not possible from `state`."""
    sources, target = TRANSITIONS[decision]
    return target if state in sources else None


@dataclass(frozen=True)
class QueueFilters:
    state: ReviewState | None = None
    period: str | None = None
    friend_group_id: uuid.UUID | None = None


class ReviewerOnly(Forbidden):
    code = "reviewers-only"


def require_reviewer(actor: Principal) -> None:
    if actor.role not in (Role.LIAISON, Role.PARTNER_ADMIN):
        raise ReviewerOnly("Only the partner's liaisons and admins review surveys.")


def require_decider(actor: Principal, decision: Decision, noun: str) -> None:
    """Reviewers decide; un-verifying is for partner admins only."""
    require_reviewer(actor)
    if decision is Decision.UNVERIFY and actor.role is not Role.PARTNER_ADMIN:
        raise Forbidden(f"Only a partner admin may un-verify a {noun}.", code="admins-only")


def decision_target(state: ReviewState, data: DecisionCreate, noun: str) -> ReviewState:
    """The state a decision leads to: 409 when not possible from `state`, 422 when it needs a
    comment (the family reads why) and has none."""
    target = next_state(state, data.decision)
    if target is None:
        raise InvalidTransition(
            f"A {state.value} {noun} cannot get the decision {data.decision.value}."
        )
    if data.decision in NEEDS_COMMENT and data.comment is None:
        raise CommentRequired(
            "Say why (the family reads it).",
            errors=[{"field": "body.comment", "message": "Required.", "type": "missing"}],
        )
    return target


def screen_text(
    session: Session,
    actor: Principal,
    demonstration: Demonstration,
    household_id: uuid.UUID,
    text: str,
) -> None:
    """Staff text a family will read (a survey or story review comment) goes through the rules
    module: 422 `message-blocked` (the blocked attempt kept for the partner) before anything
    of the decision is written."""
    household = session.get(Household, household_id)
    messages.screen_staff_text(
        session,
        demonstration,
        text,
        actor=actor,
        language=household.preferred_language if household else None,
        household_id=household_id,
        channel=StaffTextChannel.REVIEW_COMMENT,
    )


def review_queue(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    filters: QueueFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[SurveySubmission], str | None]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    statement = select(SurveySubmission).where(
        SurveySubmission.demonstration_id == demonstration.id
    )
    if filters.state is not None:
        statement = statement.where(SurveySubmission.state == filters.state)
    if filters.period is not None:
        statement = statement.where(SurveySubmission.period == filters.period)
    if filters.friend_group_id is not None:
        members = select(Household.id).where(Household.friend_group_id == filters.friend_group_id)
        statement = statement.where(col(SurveySubmission.household_id).in_(members))
    return paginate(
        session,
        statement,
        SurveySubmission.created_at,
        SurveySubmission.id,
        cursor=cursor,
        limit=limit,
    )


def get_for_staff(
    session: Session, actor: Principal, submission_id: uuid.UUID
) -> tuple[SurveySubmission, Demonstration]:
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    submission = session.exec(
        select(SurveySubmission).where(
            SurveySubmission.id == submission_id,
            col(SurveySubmission.demonstration_id).in_(shown),
        )
    ).first()
    if submission is None:
        raise surveys.SurveyNotFound("No such survey.")
    demonstration = session.get(Demonstration, submission.demonstration_id)
    assert demonstration is not None
    return submission, demonstration


def decide(
    session: Session,
    actor: Principal,
    submission_id: uuid.UUID,
    data: DecisionCreate,
    if_match: str | None,
) -> SurveySubmission:
    submission, demonstration = get_for_staff(session, actor, submission_id)
    require_decider(actor, data.decision, "survey")
    preconditions.require_match(if_match, surveys.etag(submission))
    target = decision_target(submission.state, data, "survey")
    if data.comment is not None:
        screen_text(session, actor, demonstration, submission.household_id, data.comment)
    source = submission.state
    now = utcnow()
    surveys.bump(session, submission, state=target, updated_at=now)
    record_decision(
        session,
        actor,
        demonstration,
        data,
        (source, target),
        now,
        subject={"survey_submission_id": submission.id},
        kind="survey",
        entity="survey_submission",
    )
    if target is ReviewState.VERIFIED:
        stipends.earn(session, actor, submission, demonstration)
    if ReviewState.VERIFIED in (source, target):
        rollups.survey_verified(session, submission, verified=target is ReviewState.VERIFIED)
    session.flush()
    return submission


def comment(session: Session, actor: Principal, submission_id: uuid.UUID, text: str) -> ReviewEvent:
    submission, demonstration = get_for_staff(session, actor, submission_id)
    require_reviewer(actor)
    screen_text(session, actor, demonstration, submission.household_id, text)
    event = ReviewEvent(
        survey_submission_id=submission.id,
        actor_user_id=actor.user_id,
        comment=text,
        created_at=utcnow(),
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        actor,
        "survey.commented",
        "survey_submission",
        submission.id,
        organization_id=demonstration.organization_id,
        changes={"comment": text},
    )
    return event


def record_decision(
    session: Session,
    actor: Principal,
    demonstration: Demonstration,
    data: DecisionCreate,
    states: tuple[ReviewState, ReviewState],
    now: datetime,
    *,
    subject: dict[str, uuid.UUID],
    kind: str,
    entity: str,
) -> None:
    """The review event and the audit entry every decision leaves, on surveys and stories."""
    source, target = states
    session.add(
        ReviewEvent(
            **subject,
            actor_user_id=actor.user_id,
            decision=data.decision,
            from_state=source,
            to_state=target,
            comment=data.comment,
            created_at=now,
        )
    )
    audit.record(
        session,
        actor,
        f"{kind}.{data.decision.value}",
        entity,
        next(iter(subject.values())),
        organization_id=demonstration.organization_id,
        changes={"state": {"from": source.value, "to": target.value}, "comment": data.comment},
    )
