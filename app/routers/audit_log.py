from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import DEFAULT_LIMIT, OrgAdmin, OrganizationId, PageCursor, PageLimit, SessionDep
from app.errors import problem_responses
from app.models.audit import AuditEntryPublic
from app.models.base import NO_NUL
from app.models.pagination import Page
from app.services import audit_log

router = APIRouter(tags=["audit"])


@router.get(
    "/v1/organizations/{organization_id}/audit-log",
    summary="An organization's audit log, newest first",
    operation_id="audit_log_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_audit_log(
    organization_id: OrganizationId,
    actor: OrgAdmin,
    session: SessionDep,
    entity: Annotated[
        str | None, Query(max_length=40, pattern=NO_NUL, description="e.g. `household`.")
    ] = None,
    entity_id: Annotated[
        str | None, Query(max_length=64, pattern=NO_NUL, description="The record's id.")
    ] = None,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[AuditEntryPublic]:
    rows, next_cursor = audit_log.list_entries(
        session,
        actor,
        organization_id,
        entity=entity,
        entity_id=entity_id,
        cursor=cursor,
        limit=limit,
    )
    return Page(
        items=[AuditEntryPublic.model_validate(row) for row in rows], next_cursor=next_cursor
    )
