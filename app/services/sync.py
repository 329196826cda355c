"""Batch sync: the queue of a phone that was offline, answered item by item.

Each item runs in its own SAVEPOINT, so an invalid or conflicting item is rolled back alone
and never fails the batch; the others are kept when the request commits.
"""

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from app.errors import Conflict, DomainError, FieldProblem
from app.models.survey import SurveyPeriodSubmit
from app.models.sync import SyncItemResult, SyncStatus
from app.services import surveys
from app.services.principal import Principal


def sync(
    session: Session, actor: Principal, items: list[dict[str, Any]], now: datetime
) -> list[SyncItemResult]:
    surveys.family_context(session, actor)  # a caller without a household fails as a whole
    return [_one(session, actor, index, item, now) for index, item in enumerate(items)]


def _one(
    session: Session, actor: Principal, index: int, item: dict[str, Any], now: datetime
) -> SyncItemResult:
    client_id = item.get("client_submission_id")
    client_id_text = client_id if isinstance(client_id, str) and len(client_id) <= 64 else None
    try:
        data = SurveyPeriodSubmit.model_validate(item)
    except ValidationError as error:
        return SyncItemResult(
            index=index,
            client_submission_id=client_id_text,
            status=SyncStatus.INVALID,
            code="validation-error",
            detail="The item does not have the shape of a survey submission.",
            errors=[
                FieldProblem(
                    field=".".join(str(part) for part in problem["loc"]),
                    message=problem["msg"],
                    type=problem["type"],
                )
                for problem in error.errors(include_url=False, include_input=False)
            ],
        )
    try:
        with session.begin_nested():
            submission, outcome = surveys.submit(session, actor, data.period, data, now)
    except DomainError as error:
        status = SyncStatus.CONFLICT if isinstance(error, Conflict) else SyncStatus.INVALID
        return SyncItemResult(
            index=index,
            client_submission_id=str(data.client_submission_id),
            status=status,
            code=error.code,
            detail=error.detail,
            errors=error.extra.get("errors"),
            submission_id=error.extra.get("submission_id"),
        )
    return SyncItemResult(
        index=index,
        client_submission_id=str(data.client_submission_id),
        status=SyncStatus(outcome.value),
        submission_id=str(submission.id),
        state=submission.state,
        version=submission.version,
    )
