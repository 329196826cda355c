"""A small world for survey tests: one partner's demonstration with a liaison and a family,
another partner's with its own, and valid answers to the common core."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from app.config import Settings
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from tests.factories import (
    Actors,
    SignedIn,
    assign_liaison,
    make_demonstration,
    make_family_member,
    make_household,
)

ENROLLED_DAYS_AGO = 100


@dataclass
class SurveyWorld:
    actors: Actors
    demonstration: Demonstration
    household: Household
    family: SignedIn
    other_demonstration: Demonstration
    other_household: Household
    other_family: SignedIn


def make_survey_world(db: Session, settings: Settings, actors: Actors) -> SurveyWorld:
    enrolled = utcnow() - timedelta(days=ENROLLED_DAYS_AGO)
    demonstration = make_demonstration(db, actors.organization)
    assign_liaison(db, demonstration, actors.liaison.user)
    household = make_household(db, demonstration, created_at=enrolled)
    other = make_demonstration(db, actors.other_organization, stipend_currency="LRD")
    assign_liaison(db, other, actors.other_liaison.user)
    other_household = make_household(db, other, created_at=enrolled)
    return SurveyWorld(
        actors=actors,
        demonstration=demonstration,
        household=household,
        family=make_family_member(db, settings, household),
        other_demonstration=other,
        other_household=other_household,
        other_family=make_family_member(db, settings, other_household),
    )


def answers(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "income_work": 120000,
        "income_business": 30000,
        "income_other": 0,
        "savings": 5000,
        "debt": 80000,
        "members_employed": 2,
        "businesses_run": 1,
        "children_in_school": 2,
        "anyone_unable_to_work": False,
        "rent_on_time": "yes",
        "help_given_count": 3,
        "help_given_kinds": ["childcare", "food"],
        "help_received_count": 1,
        "help_received_kinds": ["transport"],
    }
    return values | overrides


def month(months_ago: int = 0) -> str:
    now = utcnow()
    index = now.year * 12 + now.month - 1 - months_ago
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def submission(**overrides: Any) -> dict[str, Any]:
    return {
        "client_submission_id": str(uuid.uuid4()),
        "form_version": 1,
        "answers": answers(),
    } | overrides
