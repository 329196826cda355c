"""Any sequence of submit / resend / revise / verify / clarify / reject / unverify keeps one
survey per household and month, never loses a revision, and earns exactly once per survey
that was ever verified, with balances equal to the sum of the ledger."""

import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from app.errors import DomainError
from app.models.base import utcnow
from app.models.stipend import EntryKind, StipendEntry
from app.models.survey import (
    Decision,
    DecisionCreate,
    ReviewState,
    SurveyRevise,
    SurveyRevision,
    SurveySubmission,
    SurveySubmit,
)
from app.models.user import Role
from app.services import stipends, surveys, verification
from app.services.principal import Principal
from tests.factories import make_family_member
from tests.surveys.world import SurveyWorld, answers, month

PERIODS = [month(0), month(1)]
VARIANTS = [answers(), answers(savings=1), answers(debt=7, rent_on_time="no")]

operation = st.one_of(
    st.tuples(st.just("submit"), st.sampled_from(PERIODS), st.integers(0, 2)),
    st.tuples(st.just("resend"), st.integers(0, 5), st.integers(0, 2)),
    st.tuples(st.just("revise"), st.sampled_from(PERIODS), st.integers(0, 2)),
    st.tuples(
        st.sampled_from(["verify", "clarify", "reject", "unverify"]),
        st.sampled_from(PERIODS),
        st.just(0),
    ),
)


@dataclass
class Model:
    revisions: dict[str, int] = field(default_factory=dict)
    ever_verified: set[str] = field(default_factory=set)
    sent: list[tuple[str, SurveySubmit]] = field(default_factory=list)


def principal(user_id: uuid.UUID, role: Role, **kwargs) -> Principal:  # type: ignore[no-untyped-def]
    return Principal(user_id=user_id, role=role, session_id=uuid.uuid4(), **kwargs)


@settings(max_examples=30, deadline=None)
@given(operations=st.lists(operation, min_size=1, max_size=14))
def test_any_sequence_keeps_the_invariants(
    db: Session, world: SurveyWorld, test_settings, operations
) -> None:
    savepoint = db.begin_nested()
    try:
        _run(db, world, test_settings, operations)
    finally:
        savepoint.rollback()


def _run(db: Session, world: SurveyWorld, test_settings, operations) -> None:  # type: ignore[no-untyped-def]
    member = make_family_member(db, test_settings, world.household)
    family = principal(member.user.id, Role.FAMILY, household_id=world.household.id)
    liaison = principal(
        world.actors.liaison.user.id, Role.LIAISON, organization_id=world.actors.organization.id
    )
    admin = principal(
        world.actors.partner_admin.user.id,
        Role.PARTNER_ADMIN,
        organization_id=world.actors.organization.id,
    )
    model = Model()
    for name, period, variant in operations:
        try:
            with db.begin_nested():
                _apply(db, model, family, liaison, admin, name, period, variant)
        except DomainError:
            pass
        _check(db, world, model)


def _apply(db, model, family, liaison, admin, name, period, variant) -> None:  # type: ignore[no-untyped-def]
    if name == "resend":
        if not model.sent:
            return
        period, data = model.sent[period % len(model.sent)]
        if variant == 1:  # the same id, other answers
            data = data.model_copy(
                update={"answers": VARIANTS[(VARIANTS.index(data.answers) + 1) % 3]}
            )
        _, outcome = surveys.submit(db, family, period, data, utcnow())
        assert outcome is surveys.Outcome.REPLAYED
        return
    if name == "submit":
        data = SurveySubmit(
            client_submission_id=uuid.uuid4(), form_version=1, answers=VARIANTS[variant]
        )
        _, outcome = surveys.submit(db, family, period, data, utcnow())
        assert outcome is surveys.Outcome.CREATED
        model.sent.append((period, data))
        model.revisions[period] = 1
        return
    submission = _current(db, period)
    if submission is None:
        return
    tag = surveys.etag(submission)
    if name == "revise":
        before = submission.answers
        surveys.revise(
            db, family, period, SurveyRevise(form_version=1, answers=VARIANTS[variant]), tag
        )
        if surveys.survey_forms.answers_sha256(before) != surveys.survey_forms.answers_sha256(
            VARIANTS[variant]
        ):
            model.revisions[period] += 1
        return
    actor = admin if name == "unverify" else liaison
    comment = None if name == "verify" else "Please check the amount of the survey."
    decided = verification.decide(
        db, actor, submission.id, DecisionCreate(decision=Decision(name), comment=comment), tag
    )
    if decided.state is ReviewState.VERIFIED:
        model.ever_verified.add(period)


def _current(db: Session, period: str) -> SurveySubmission | None:
    db.expire_all()
    return db.exec(select(SurveySubmission).where(SurveySubmission.period == period)).first()


def _check(db: Session, world: SurveyWorld, model: Model) -> None:
    db.expire_all()
    rows = db.exec(
        select(SurveySubmission).where(SurveySubmission.household_id == world.household.id)
    ).all()
    periods = [row.period for row in rows]
    assert len(periods) == len(set(periods)) == len(model.revisions)
    for row in rows:
        revisions = db.exec(
            select(SurveyRevision).where(SurveyRevision.submission_id == row.id)
        ).all()
        assert sorted(r.number for r in revisions) == list(
            range(1, model.revisions[row.period] + 1)
        )
        assert (
            revisions[-1].answers == row.answers
            or max(revisions, key=lambda r: r.number).answers == row.answers
        )
        earnings = db.exec(
            select(StipendEntry).where(
                StipendEntry.survey_submission_id == row.id, StipendEntry.kind == EntryKind.EARNING
            )
        ).all()
        assert len(earnings) == (1 if row.period in model.ever_verified else 0)
        if row.state is ReviewState.VERIFIED:
            assert len(earnings) == 1
    total = db.exec(
        select(sa.func.coalesce(sa.func.sum(StipendEntry.amount_minor), 0)).where(
            StipendEntry.household_id == world.household.id
        )
    ).one()
    balances = stipends.balances_of(db, [world.household.id])[world.household.id]
    assert sum(b.earned_minor for b in balances) == total
    assert sum(b.due_minor for b in balances) == total
    assert total == 2500 * len(model.ever_verified)
