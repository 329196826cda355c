"""Rollups kept up to date on each verification equal rollups rebuilt from scratch."""

import uuid
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.progress import DemonstrationMonthStats, HouseholdProgress
from app.models.survey import ReviewState, SurveySubmission
from app.services import rollups
from tests.factories import Actors, make_demonstration, make_household
from tests.progress.helpers import survey_row

PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
money = st.integers(0, 10**7)
operations = st.lists(
    st.tuples(
        st.integers(0, 5),  # household
        st.sampled_from(PERIODS),
        st.sampled_from(["verify", "unverify"]),
        st.fixed_dictionaries(
            {
                "income_work": money,
                "income_business": money,
                "savings": money,
                "debt": money,
                "children_in_school": st.integers(0, 6),
                "help_given_count": st.integers(0, 20),
            }
        ),
    ),
    max_size=25,
)


def snapshot(db: Session, demonstration_id: uuid.UUID) -> tuple[list[Any], list[Any]]:
    progress = db.exec(
        select(HouseholdProgress).where(HouseholdProgress.demonstration_id == demonstration_id)
    ).all()
    stats = db.exec(
        select(DemonstrationMonthStats).where(
            DemonstrationMonthStats.demonstration_id == demonstration_id
        )
    ).all()

    def plain(row: Any) -> dict[str, Any]:
        return row.model_dump(exclude={"updated_at"})

    return (
        sorted((plain(row) for row in progress), key=lambda r: str(r["household_id"])),
        sorted(
            (plain(row) for row in stats),
            key=lambda r: (str(r["friend_group_id"]), r["period"]),
        ),
    )


@settings(max_examples=25)
@given(operations)
def test_incremental_equals_rebuilt(db: Session, actors: Actors, history: list[Any]) -> None:
    demonstration = make_demonstration(db, actors.organization)
    seeds = [make_household(db, demonstration) for _ in range(2)]
    households: list[Household] = seeds + [
        make_household(db, demonstration, friend_group=_group(db, seeds[i % 2])) for i in range(4)
    ]
    submissions: dict[tuple[int, str], SurveySubmission] = {}
    for index, period, action, values in history:
        key = (index, period)
        submission = submissions.get(key)
        if submission is None:
            submission = survey_row(db, households[index], period, ReviewState.SUBMITTED, **values)
            submissions[key] = submission
        verified = submission.state is ReviewState.VERIFIED
        if action == "verify" and not verified:
            submission.state = ReviewState.VERIFIED
        elif action == "unverify" and verified:
            submission.state = ReviewState.SUBMITTED
        else:
            continue
        db.add(submission)
        db.flush()
        rollups.survey_verified(db, submission, verified=action == "verify")
    db.flush()
    incremental = snapshot(db, demonstration.id)
    rollups.rebuild(db, demonstration.id)
    assert snapshot(db, demonstration.id) == incremental


def _group(db: Session, seed: Household) -> FriendGroup | None:
    return db.get(FriendGroup, seed.friend_group_id)
