from typing import Annotated

from fastapi import APIRouter, Path

from app.deps import (
    DEFAULT_LIMIT,
    CurrentPrincipal,
    Family,
    HouseholdId,
    PageCursor,
    PageLimit,
    SessionDep,
)
from app.errors import problem_responses
from app.models.consent import ConsentChange, ConsentPurpose, ConsentRecordPublic, ConsentState
from app.models.pagination import Page
from app.services import consent

router = APIRouter(prefix="/v1/households/{household_id}", tags=["consent"])

Purpose = Annotated[ConsentPurpose, Path(description="What the consent is for.")]


@router.get(
    "/consents",
    summary="A household's current consent, per purpose",
    operation_id="consents_read",
    responses=problem_responses(401, 404, 422),
)
def read_consents(
    household_id: HouseholdId, actor: CurrentPrincipal, session: SessionDep
) -> list[ConsentState]:
    return consent.current(session, actor, household_id)


@router.put(
    "/consents/{purpose}",
    summary="Grant or withdraw my household's consent for a purpose, effective at once",
    operation_id="consents_change",
    responses=problem_responses(401, 403, 404, 422),
)
def change_consent(
    household_id: HouseholdId,
    purpose: Purpose,
    body: ConsentChange,
    actor: Family,
    session: SessionDep,
) -> ConsentState:
    return consent.change(session, actor, household_id, purpose, body.granted)


@router.get(
    "/consent-history",
    summary="Every grant and withdrawal of a household's consent, newest first",
    operation_id="consents_history",
    responses=problem_responses(401, 404, 422),
)
def consent_history(
    household_id: HouseholdId,
    actor: CurrentPrincipal,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[ConsentRecordPublic]:
    rows, next_cursor = consent.history(session, actor, household_id, cursor=cursor, limit=limit)
    return Page(
        items=[ConsentRecordPublic.model_validate(row) for row in rows], next_cursor=next_cursor
    )
