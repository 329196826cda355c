"""A friend group never exceeds its limit and a code is never used twice: as a property over
any sequence of issue / redeem / revoke / time passing, and under real concurrency."""

import threading
import uuid
from datetime import datetime, timedelta

import pytest
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from app.config import Settings
from app.errors import DomainError
from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.demonstration import Demonstration
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.invitation import Invitation, InvitationCreate, InvitationRedeem
from app.models.user import Role, User
from app.services import consent, invitations
from app.services.auth import Clocked
from app.services.principal import Principal
from tests.factories import make_demonstration, make_household, make_organization, make_user


def principal_of(user: User) -> Principal:
    return Principal(
        user_id=user.id, role=user.role, session_id=uuid.uuid4(), household_id=user.household_id
    )


def joining(code: str, label: str = "Friends") -> InvitationRedeem:
    return InvitationRedeem(
        code=code, label=label, preferred_language="en", program_data_consent=True
    )


def seed_group(
    session: Session, friends_per_seed: int
) -> tuple[Demonstration, Household, Principal]:
    """A demonstration with one seed household whose adult has given program-data consent."""
    demonstration = make_demonstration(
        session, make_organization(session), friends_per_seed=friends_per_seed
    )
    seed = make_household(session, demonstration)
    adult = principal_of(make_user(session, Role.FAMILY, household_id=seed.id))
    consent.record_consent(
        session,
        adult,
        seed.id,
        demonstration.organization_id,
        ConsentPurpose.PROGRAM_DATA,
        True,
    )
    return demonstration, seed, adult


def friends_in(session: Session, group_id: uuid.UUID) -> int:
    return session.exec(
        select(func.count()).where(
            Household.friend_group_id == group_id, col(Household.is_seed).is_(False)
        )
    ).one()


LIMIT = 3


class InvitationMachine(RuleBasedStateMachine):
    """Model: which codes were issued when, revoked or used; the database must agree."""

    db: Session
    app_settings: Settings
    codes = Bundle("codes")

    @initialize()
    def start(self) -> None:
        self.savepoint = self.db.begin_nested()
        self.now = utcnow()
        self.demonstration, self.seed, self.seed_adult = seed_group(self.db, LIMIT)
        self.expires: dict[str, datetime] = {}
        self.revoked: set[str] = set()
        self.used: set[str] = set()
        self.ids: dict[str, uuid.UUID] = {}

    def teardown(self) -> None:
        self.savepoint.rollback()

    def ctx(self) -> Clocked:
        return Clocked(self.app_settings, self.now)

    @rule(target=codes, days=st.integers(min_value=1, max_value=30))
    def issue(self, days: int) -> str:
        invitation, code = invitations.issue(
            self.db,
            self.seed_adult,
            self.ctx(),
            self.seed.friend_group_id,
            InvitationCreate(expires_in_days=days),
        )
        self.expires[code] = invitation.expires_at
        self.ids[code] = invitation.id
        return code

    @rule(code=codes)
    def redeem(self, code: str) -> None:
        newcomer = principal_of(make_user(self.db, Role.FAMILY))
        if code in self.used:
            expected = "invitation-used"
        elif code in self.revoked:
            expected = "invitation-revoked"
        elif self.expires[code] <= self.now:
            expected = "invitation-expired"
        elif len(self.used) >= LIMIT:
            expected = "group-full"
        else:
            expected = "joined"
        try:
            with self.db.begin_nested():  # what the request's transaction does on an error
                invitations.redeem(self.db, newcomer, self.ctx(), joining(code))
            outcome = "joined"
        except DomainError as error:
            outcome = error.code
        assert outcome == expected
        if outcome == "joined":
            self.used.add(code)

    @rule(code=codes)
    def revoke(self, code: str) -> None:
        try:
            with self.db.begin_nested():
                invitations.revoke(
                    self.db, self.seed_adult, self.ctx(), self.seed.friend_group_id, self.ids[code]
                )
            outcome = "revoked"
        except DomainError as error:
            outcome = error.code
        assert outcome == ("invitation-used" if code in self.used else "revoked")
        if outcome == "revoked":
            self.revoked.add(code)

    @rule(days=st.integers(min_value=0, max_value=20))
    def time_passes(self, days: int) -> None:
        self.now += timedelta(days=days)

    @invariant()
    def group_within_its_limit(self) -> None:
        if not hasattr(self, "seed"):
            return
        group = self.db.get_one(FriendGroup, self.seed.friend_group_id)
        self.db.refresh(group)
        friends = friends_in(self.db, group.id)
        assert friends == group.friends_count == len(self.used) <= LIMIT

    @invariant()
    def every_code_used_at_most_once(self) -> None:
        if not hasattr(self, "seed"):
            return
        redeemed = self.db.exec(
            select(Invitation.redeemed_by_household_id).where(
                Invitation.friend_group_id == self.seed.friend_group_id,
                col(Invitation.redeemed_at).is_not(None),
            )
        ).all()
        assert len(redeemed) == len(set(redeemed)) == len(self.used)
        assert all(household is not None for household in redeemed)


def test_any_sequence_keeps_the_limit_and_single_use(db: Session, test_settings: Settings) -> None:
    InvitationMachine.db = db
    InvitationMachine.app_settings = test_settings
    run_state_machine_as_test(
        InvitationMachine,
        settings=hypothesis_settings(max_examples=25, stateful_step_count=20, deadline=None),
    )


def _redeem_all_at_once(
    engine: Engine, settings: Settings, attempts: list[tuple[Principal, str]]
) -> list[str]:
    barrier = threading.Barrier(len(attempts))
    outcomes = [""] * len(attempts)

    def attempt(index: int, principal: Principal, code: str) -> None:
        with Session(engine, expire_on_commit=False) as session:
            barrier.wait()
            try:
                invitations.redeem(session, principal, Clocked(settings, utcnow()), joining(code))
                session.commit()
                outcomes[index] = "joined"
            except DomainError as error:
                session.rollback()
                outcomes[index] = error.code

    threads = [
        threading.Thread(target=attempt, args=(index, principal, code))
        for index, (principal, code) in enumerate(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _prepared(
    engine: Engine, settings: Settings, *, limit: int, codes: int, newcomers: int
) -> tuple[uuid.UUID, list[str], list[Principal]]:
    with Session(engine, expire_on_commit=False) as session:
        _demonstration, seed, adult = seed_group(session, limit)
        ctx = Clocked(settings, utcnow())
        issued = [
            invitations.issue(session, adult, ctx, seed.friend_group_id, InvitationCreate())[1]
            for _ in range(codes)
        ]
        people = [principal_of(make_user(session, Role.FAMILY)) for _ in range(newcomers)]
        session.commit()
        return seed.friend_group_id, issued, people


@pytest.mark.postgres
def test_group_limit_holds_when_many_redeem_at_once(
    committed_engine: Engine, test_settings: Settings
) -> None:
    limit, contenders = 4, 12
    group_id, codes, people = _prepared(
        committed_engine, test_settings, limit=limit, codes=contenders, newcomers=contenders
    )
    outcomes = _redeem_all_at_once(
        committed_engine, test_settings, list(zip(people, codes, strict=True))
    )
    assert outcomes.count("joined") == limit
    assert outcomes.count("group-full") == contenders - limit
    with Session(committed_engine) as session:
        assert friends_in(session, group_id) == limit
        assert session.get_one(FriendGroup, group_id).friends_count == limit


@pytest.mark.postgres
def test_one_code_redeemed_at_once_by_many_joins_once(
    committed_engine: Engine, test_settings: Settings
) -> None:
    contenders = 8
    group_id, [code], people = _prepared(
        committed_engine, test_settings, limit=10, codes=1, newcomers=contenders
    )
    outcomes = _redeem_all_at_once(committed_engine, test_settings, [(p, code) for p in people])
    assert outcomes.count("joined") == 1
    assert outcomes.count("invitation-used") == contenders - 1
    with Session(committed_engine) as session:
        assert friends_in(session, group_id) == 1
