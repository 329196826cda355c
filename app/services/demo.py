"""`mutuality demo`: a realistic program in the configured database, to see a living program.

One partner, one demonstration in phase II, 10 seed families from different networks, each
with 9 friends (100 households), 12 months of surveys with varied trajectories, verifications,
stipends and a payout batch, stories, practice posts adopted across groups, and a published
Everyday Changemakers highlight. Reproducible (`random.Random(DEMO_SEED)`); re-running finds
the demo organization by its fixed name and adds nothing.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from app.models.audit import AuditEntry
from app.models.consent import ConsentPurpose, ConsentRecord
from app.models.demonstration import Demonstration, DemonstrationLiaison, Phase
from app.models.friend_group import FriendGroup
from app.models.highlight import (
    ConsentAnswer,
    Highlight,
    HighlightHousehold,
    HighlightPost,
    HighlightStatus,
)
from app.models.household import (
    AgeBand,
    Household,
    HouseholdMember,
    HouseholdNetworkTag,
    NetworkKind,
    Relation,
)
from app.models.organization import Organization
from app.models.phase_change import PhaseChange
from app.models.practice import Adoption, AdoptionOutcome, PracticePost, PracticeScope
from app.models.stipend import EntryKind, PayoutBatch, StipendEntry
from app.models.story import Story, Visibility
from app.models.survey import (
    Decision,
    ReviewEvent,
    ReviewState,
    SurveyRevision,
    SurveySubmission,
)
from app.models.user import Role, User
from app.services import rollups, security, survey_forms

DEMO_ORGANIZATION = "Fruitvale Mutual Aid (demo)"
DEMO_PASSWORD = "demo-password-2026"
DEMO_SEED = 20261123
MONTHS = 12
FRIENDS_PER_SEED = 9
PLATFORM_ADMIN_EMAIL = "platform@demo.mutuality.example"
PARTNER_ADMIN_EMAIL = "admin@demo.mutuality.example"
LIAISON_EMAIL = "liaison@demo.mutuality.example"

SEEDS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("Hernández", "es", [("culture", "Mexican"), ("religion", "Catholic")]),
    ("Nguyen", "en", [("culture", "Vietnamese"), ("language", "Vietnamese")]),
    ("Johnson", "en", [("religion", "Baptist"), ("neighbourhood", "Fruitvale")]),
    ("Ramírez", "es", [("culture", "Guatemalan"), ("language", "K'iche'")]),
    ("Okafor", "en", [("culture", "Nigerian"), ("religion", "Pentecostal")]),
    ("Lee", "en", [("culture", "Korean"), ("neighbourhood", "East Lake")]),
    ("Mohammed", "en", [("culture", "Yemeni"), ("religion", "Muslim")]),
    ("Castillo", "es", [("culture", "Salvadoran"), ("neighbourhood", "San Antonio")]),
    ("Williams", "en", [("neighbourhood", "Elmhurst"), ("religion", "Methodist")]),
    ("Tran", "en", [("culture", "Cambodian"), ("language", "Khmer")]),
]
FRIEND_NAMES = [
    "García", "Smith", "Lopez", "Pham", "Brown", "Martínez", "Davis", "Flores", "Kim",
    "Ahmed", "Torres", "Wilson", "Rivera", "Chen", "Jackson", "Morales", "Ali", "Cruz",
]  # fmt: skip
FIRST_NAMES = ["Maria", "John", "Linh", "Amina", "Carlos", "Grace"]
PRACTICES = [
    ("Started a savings circle with five friends", "savings", "Each of us puts in $50 a week."),
    ("Shared childcare on market days", "childcare", "We take turns so two of us can sell."),
    ("Bought rice and beans in bulk together", "food", "Split three ways it costs a third less."),
    ("Tutoring swap for the kids", "education", "I help with maths, she helps with reading."),
    ("Carpool to the warehouse shift", "transport", "Four families, one car, gas split."),
    ("Selling tamales on weekends", "business", "Started with one pot, now three."),
]


@dataclass
class DemoReport:
    created: bool
    organization_id: uuid.UUID
    demonstration_id: uuid.UUID
    households: int
    surveys: int
    staff: dict[str, str] = field(default_factory=dict)
    family_phones: list[tuple[str, str]] = field(default_factory=list)


def load(session: Session, *, today: date | None = None) -> DemoReport:
    """Load the demo program unless it is there already; the caller commits."""
    existing = session.exec(
        select(Organization).where(Organization.name == DEMO_ORGANIZATION)
    ).first()
    if existing is not None:
        return _describe(session, existing, created=False)
    _Builder(session, today or datetime.now(UTC).date()).build()
    organization = session.exec(
        select(Organization).where(Organization.name == DEMO_ORGANIZATION)
    ).one()
    return _describe(session, organization, created=True)


def _describe(session: Session, organization: Organization, *, created: bool) -> DemoReport:
    demonstration = session.exec(
        select(Demonstration).where(Demonstration.organization_id == organization.id)
    ).one()
    households = session.exec(
        select(Household).where(Household.demonstration_id == demonstration.id)
    ).all()
    surveys = session.exec(
        select(SurveySubmission.id).where(SurveySubmission.demonstration_id == demonstration.id)
    ).all()
    users = session.exec(
        select(User).where(
            User.household_id.in_([h.id for h in households if h.is_seed])  # type: ignore[union-attr]
        )
    ).all()
    labels = {h.id: h.label for h in households}
    return DemoReport(
        created=created,
        organization_id=organization.id,
        demonstration_id=demonstration.id,
        households=len(households),
        surveys=len(surveys),
        staff={
            "platform admin": PLATFORM_ADMIN_EMAIL,
            "partner admin": PARTNER_ADMIN_EMAIL,
            "liaison": LIAISON_EMAIL,
        },
        family_phones=sorted(
            (labels[u.household_id], u.phone or "") for u in users if u.household_id
        ),
    )


def _period(today: date, months_ago: int) -> str:
    index = today.year * 12 + today.month - 1 - months_ago
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _moment(period: str, day: int) -> datetime:
    year, month = (int(part) for part in period.split("-"))
    return datetime(year, month, min(day, 28), 17, 0, tzinfo=UTC)


class _Builder:
    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self.rng = random.Random(DEMO_SEED)  # noqa: S311 - demo data, not secrets
        self.start = _moment(_period(today, MONTHS + 1), 1)

    def build(self) -> None:
        s = self.session
        password_hash = security.hash_password(DEMO_PASSWORD)
        self.organization = Organization(
            name=DEMO_ORGANIZATION, country="US", region="Oakland", created_at=self.start
        )
        s.add(self.organization)
        s.flush()
        staff = {}
        for role, email, name, org in (
            (Role.PLATFORM_ADMIN, PLATFORM_ADMIN_EMAIL, "Demo platform admin", None),
            (Role.PARTNER_ADMIN, PARTNER_ADMIN_EMAIL, "Ana Ortiz", self.organization.id),
            (Role.LIAISON, LIAISON_EMAIL, "Marcus Bell", self.organization.id),
        ):
            user = s.exec(select(User).where(User.email == email)).first()
            if user is None:
                user = User(
                    role=role,
                    organization_id=org,
                    email=email,
                    password_hash=password_hash,
                    full_name=name,
                    created_at=self.start,
                    updated_at=self.start,
                )
                s.add(user)
            staff[role] = user
        s.flush()
        self.admin, self.liaison = staff[Role.PARTNER_ADMIN], staff[Role.LIAISON]
        self.demonstration = Demonstration(
            organization_id=self.organization.id,
            name="Fruitvale Neighbours",
            area="Fruitvale, Oakland",
            country="US",
            languages=["en", "es"],
            stipend_amount_minor=2500,
            stipend_currency="USD",
            friends_per_seed=10,
            started_on=self.start.date(),
            phase=Phase.II,
            created_at=self.start,
        )
        s.add(self.demonstration)
        s.flush()
        s.add(DemonstrationLiaison(demonstration_id=self.demonstration.id, user_id=self.liaison.id))
        s.add(
            PhaseChange(
                demonstration_id=self.demonstration.id,
                from_phase=Phase.I,
                to_phase=Phase.II,
                reason="Families started savings circles and shared childcare on their own.",
                changed_by_user_id=self.admin.id,
                changed_at=_moment(_period(self.today, 7), 5),
            )
        )
        self._audit("demonstration.phase_changed", "demonstration", self.demonstration.id)
        self._households()
        self._surveys()
        self._payout()
        self._stories()
        self._practices()
        self._highlight()
        s.flush()
        rollups.rebuild(s, self.demonstration.id)

    def _audit(self, action: str, entity: str, entity_id: uuid.UUID) -> None:
        self.session.add(
            AuditEntry(
                organization_id=self.organization.id,
                actor_user_id=self.admin.id,
                action=action,
                entity=entity,
                entity_id=str(entity_id),
                changes={"source": "demo"},
                created_at=self.start,
            )
        )

    def _households(self) -> None:
        s, rng = self.session, self.rng
        self.households: list[Household] = []
        self.groups: list[list[Household]] = []
        for seed_index, (surname, language, tags) in enumerate(SEEDS):
            group = FriendGroup(
                demonstration_id=self.demonstration.id,
                friends_count=FRIENDS_PER_SEED,
                created_at=self.start,
            )
            s.add(group)
            s.flush()
            members = []
            for friend_index in range(FRIENDS_PER_SEED + 1):
                is_seed = friend_index == 0
                name = surname if is_seed else rng.choice(FRIEND_NAMES)
                household = Household(
                    demonstration_id=self.demonstration.id,
                    friend_group_id=group.id,
                    is_seed=is_seed,
                    label=f"{name} family"
                    if is_seed
                    else f"{name} family ({seed_index}{friend_index})",
                    preferred_language=language if rng.random() < 0.8 else "en",
                    adults_count=rng.randint(1, 3),
                    children_count=rng.randint(0, 4),
                    shared_with_group=["preferred_language", "household_size"],
                    created_at=self.start + timedelta(days=friend_index),
                    updated_at=self.start + timedelta(days=friend_index),
                )
                s.add(household)
                s.flush()
                for kind, value in tags if is_seed or rng.random() < 0.7 else tags[:1]:
                    s.add(
                        HouseholdNetworkTag(
                            household_id=household.id, kind=NetworkKind(kind), value=value
                        )
                    )
                s.add(
                    User(
                        role=Role.FAMILY,
                        household_id=household.id,
                        phone=f"+1510555{seed_index:02d}{friend_index:02d}",
                        full_name=f"{rng.choice(FIRST_NAMES)} {name}",
                        created_at=household.created_at,
                        updated_at=household.created_at,
                    )
                )
                s.add(
                    HouseholdMember(
                        household_id=household.id,
                        first_name=rng.choice(["Rosa", "Tom", "Mai", "Ife", "Luis", "Dee"]),
                        age_band=AgeBand.AGE_30_49,
                        relation=Relation.SELF,
                        created_at=household.created_at,
                        updated_at=household.created_at,
                    )
                )
                for purpose, granted in (
                    (ConsentPurpose.PROGRAM_DATA, True),
                    (ConsentPurpose.SHARE_BEYOND_GROUP, rng.random() < 0.85),
                ):
                    s.add(
                        ConsentRecord(
                            household_id=household.id,
                            purpose=purpose,
                            granted=granted,
                            recorded_at=household.created_at,
                        )
                    )
                members.append(household)
            self.groups.append(members)
            self.households.extend(members)
        s.flush()

    def _trajectory(self) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choices(["improving", "flat", "worse"], weights=[55, 30, 15])[0]
        slope = {
            "improving": rng.uniform(0.02, 0.06),
            "flat": 0.0,
            "worse": -rng.uniform(0.01, 0.04),
        }
        return {
            "kind": kind,
            "slope": slope[kind],
            "work": rng.randint(80, 260) * 1000,
            "business": rng.choice([0, 0, rng.randint(10, 80) * 1000]),
            "other": rng.choice([0, rng.randint(5, 30) * 1000]),
            "savings": rng.randint(0, 40) * 1000,
            "debt": rng.randint(0, 600) * 1000,
            "children": rng.randint(0, 3),
        }

    def _answers(self, t: dict[str, Any], month: int) -> dict[str, Any]:
        rng = self.rng
        growth = 1 + t["slope"] * month + rng.uniform(-0.05, 0.05)
        improving = t["kind"] == "improving"
        business = t["business"] or (15000 * (month - 5) if improving and month > 5 else 0)
        return {
            "income_work": max(0, int(t["work"] * growth) // 100 * 100),
            "income_business": max(0, int(business * growth) // 100 * 100),
            "income_other": t["other"],
            "savings": max(0, int(t["savings"] + t["slope"] * 400000 * month) // 100 * 100),
            "debt": max(0, int(t["debt"] * (1 - t["slope"] * month * 1.5)) // 100 * 100),
            "members_employed": 1 + (month > 6 and improving),
            "businesses_run": int(business > 0),
            "children_in_school": t["children"],
            "anyone_unable_to_work": rng.random() < 0.1,
            "rent_on_time": rng.choice(["yes", "yes", "yes", "no", "not_renting"]),
            "help_given_count": rng.randint(0, 2 + month // 2),
            "help_given_kinds": ["childcare"] if rng.random() < 0.5 else ["food", "transport"],
            "help_received_count": rng.randint(0, 1 + month // 3),
            "help_received_kinds": ["money"] if rng.random() < 0.3 else [],
        }

    def _surveys(self) -> None:
        s, rng = self.session, self.rng
        form = survey_forms.current_form(s, self.demonstration)
        self.verified: list[SurveySubmission] = []
        for household in self.households:
            trajectory = self._trajectory()
            for month in range(MONTHS):
                months_ago = MONTHS - month
                period = _period(self.today, months_ago)
                if rng.random() < 0.07:
                    continue  # a missed month
                answers = self._answers(trajectory, month)
                sent = _moment(period, 27) + timedelta(days=rng.randint(1, 6))
                if months_ago == 1:
                    state = rng.choice([ReviewState.SUBMITTED, ReviewState.VERIFIED])
                else:
                    roll = rng.random()
                    state = (
                        ReviewState.VERIFIED
                        if roll < 0.93
                        else ReviewState.NEEDS_CLARIFICATION
                        if roll < 0.97
                        else ReviewState.REJECTED
                    )
                submission = SurveySubmission(
                    household_id=household.id,
                    demonstration_id=self.demonstration.id,
                    period=period,
                    client_submission_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    form_id=form.id,
                    form_version=form.version,
                    answers=answers,
                    original_answers_sha256=survey_forms.answers_sha256(answers),
                    state=state,
                    version=1 if state is ReviewState.SUBMITTED else 2,
                    created_at=sent,
                    updated_at=sent + timedelta(days=3),
                )
                s.add(submission)
                s.flush()
                s.add(
                    SurveyRevision(
                        submission_id=submission.id,
                        number=1,
                        form_version=form.version,
                        answers=answers,
                        answers_sha256=submission.original_answers_sha256,
                        created_at=sent,
                    )
                )
                decision = {
                    ReviewState.VERIFIED: Decision.VERIFY,
                    ReviewState.NEEDS_CLARIFICATION: Decision.CLARIFY,
                    ReviewState.REJECTED: Decision.REJECT,
                }.get(state)
                if decision is not None:
                    s.add(
                        ReviewEvent(
                            survey_submission_id=submission.id,
                            actor_user_id=self.liaison.id,
                            decision=decision,
                            from_state=ReviewState.SUBMITTED,
                            to_state=state,
                            comment=None
                            if decision is Decision.VERIFY
                            else "Could you send a photo of the pay slip?",
                            created_at=sent + timedelta(days=3),
                        )
                    )
                if state is ReviewState.VERIFIED:
                    self.verified.append(submission)
                    s.add(
                        StipendEntry(
                            household_id=household.id,
                            demonstration_id=self.demonstration.id,
                            kind=EntryKind.EARNING,
                            amount_minor=self.demonstration.stipend_amount_minor,
                            currency=self.demonstration.stipend_currency,
                            survey_submission_id=submission.id,
                            created_at=sent + timedelta(days=3),
                        )
                    )
        s.flush()

    def _payout(self) -> None:
        s = self.session
        cutoff = _period(self.today, 4)
        earnings = s.exec(
            select(StipendEntry).where(
                StipendEntry.demonstration_id == self.demonstration.id,
                StipendEntry.kind == EntryKind.EARNING,
            )
        ).all()
        periods = {sub.id: sub.period for sub in self.verified}
        due = [e for e in earnings if periods.get(e.survey_submission_id, "9999") <= cutoff]  # type: ignore[arg-type]
        paid_on = _moment(_period(self.today, 3), 10)
        batch = PayoutBatch(
            demonstration_id=self.demonstration.id,
            external_reference="DEMO-PAYOUT-0001",
            paid_on=paid_on.date(),
            currency="USD",
            total_minor=sum(e.amount_minor for e in due),
            entries_count=len(due),
            households_count=len({e.household_id for e in due}),
            created_by_user_id=self.admin.id,
            created_at=paid_on,
        )
        s.add(batch)
        s.flush()
        for earning in due:
            s.add(
                StipendEntry(
                    household_id=earning.household_id,
                    demonstration_id=self.demonstration.id,
                    kind=EntryKind.PAYOUT,
                    amount_minor=earning.amount_minor,
                    currency=earning.currency,
                    settles_entry_id=earning.id,
                    payout_batch_id=batch.id,
                    created_at=paid_on,
                )
            )
        self._audit("payout_batch.created", "payout_batch", batch.id)

    def _stories(self) -> None:
        texts = [
            "We paid off the payday loan this month and my daughter joined the soccer team.",
            "Three of us started cooking together on Sundays; we spend less and eat better.",
            "Mi esposo consiguió trabajo de tiempo completo gracias a un vecino del grupo.",
        ]
        for index, group in enumerate(self.groups[:6]):
            household = group[index % len(group)]
            period = _period(self.today, 2 + index)
            self.session.add(
                Story(
                    household_id=household.id,
                    demonstration_id=self.demonstration.id,
                    friend_group_id=household.friend_group_id,
                    client_story_id=uuid.UUID(int=self.rng.getrandbits(128), version=4),
                    period=period,
                    text=texts[index % len(texts)],
                    visibility=Visibility.GROUP,
                    state=ReviewState.VERIFIED,
                    version=2,
                    created_at=_moment(period, 20),
                    updated_at=_moment(period, 22),
                )
            )

    def _practices(self) -> None:
        s, rng = self.session, self.rng
        self.posts: list[PracticePost] = []
        for index, (title, category, text) in enumerate(PRACTICES):
            author = self.groups[index][rng.randint(0, FRIENDS_PER_SEED)]
            posted = _moment(_period(self.today, 9 - index), 12)
            post = PracticePost(
                household_id=author.id,
                demonstration_id=self.demonstration.id,
                friend_group_id=author.friend_group_id,
                title=title,
                text=text,
                categories=[category],
                language="en",
                scope=PracticeScope.DEMONSTRATION,
                created_at=posted,
                updated_at=posted,
            )
            s.add(post)
            s.flush()
            self.posts.append(post)
            # Spreads inside the author's group first, then across groups.
            reach = [h for h in self.groups[index] if h.id != author.id][: rng.randint(3, 7)]
            reach += rng.sample(
                [h for h in self.households if h.friend_group_id != author.friend_group_id],
                rng.randint(2, 14 - 2 * index),
            )
            for step, adopter in enumerate(reach):
                at = posted + timedelta(days=5 + step * 6)
                s.add(
                    Adoption(
                        post_id=post.id,
                        household_id=adopter.id,
                        friend_group_id=adopter.friend_group_id,
                        demonstration_id=self.demonstration.id,
                        outcome=rng.choice(list(AdoptionOutcome)),
                        created_at=at,
                        updated_at=at,
                    )
                )

    def _highlight(self) -> None:
        s = self.session
        post = self.posts[0]
        featured = [h for h in self.households if h.id == post.household_id]
        published = _moment(_period(self.today, 2), 15)
        highlight = Highlight(
            organization_id=self.organization.id,
            demonstration_id=self.demonstration.id,
            title="A savings circle that spread to six friend groups",
            text="What began with five friends putting aside $50 a week is now practised by "
            "households across Fruitvale, each adapting it to their own budget.",
            region="Fruitvale, Oakland",
            status=HighlightStatus.PUBLISHED,
            created_by_user_id=self.admin.id,
            published_at=published,
            created_at=published - timedelta(days=7),
            updated_at=published,
        )
        s.add(highlight)
        s.flush()
        for household in featured:
            s.add(
                ConsentRecord(
                    household_id=household.id,
                    purpose=ConsentPurpose.PUBLIC_FEATURE,
                    granted=True,
                    recorded_at=published - timedelta(days=2),
                )
            )
            s.add(
                HighlightHousehold(
                    highlight_id=highlight.id,
                    household_id=household.id,
                    answer=ConsentAnswer.CONSENTED,
                    answered_at=published - timedelta(days=2),
                )
            )
        s.add(HighlightPost(highlight_id=highlight.id, post_id=post.id))
        self._audit("highlight.published", "highlight", highlight.id)
