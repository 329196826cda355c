"""Verified surveys written straight to the database, with the rollup hook the verification
service calls."""

import uuid
from typing import Any

from sqlmodel import Session

from app.models.base import utcnow
from app.models.household import Household
from app.models.survey import ReviewState, SurveySubmission
from app.services import rollups, survey_forms
from tests.surveys.world import answers


def verified_survey(db: Session, household: Household, period: str, **values: Any) -> None:
    submission = survey_row(db, household, period, ReviewState.VERIFIED, **values)
    rollups.survey_verified(db, submission, verified=True)


def survey_row(
    db: Session, household: Household, period: str, state: ReviewState, **values: Any
) -> SurveySubmission:
    """A survey in `state`, written without the review flow (no rollup call)."""
    form = survey_forms.core_form(db)
    body = answers(**values)
    submission = SurveySubmission(
        household_id=household.id,
        demonstration_id=household.demonstration_id,
        period=period,
        client_submission_id=uuid.uuid4(),
        form_id=form.id,
        form_version=form.version,
        answers=body,
        original_answers_sha256=survey_forms.answers_sha256(body),
        state=state,
        version=2,
        created_at=utcnow(),
        updated_at=utcnow(),
    )
    db.add(submission)
    db.flush()
    return submission
