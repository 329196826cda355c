"""The stipend ledger as families and partner admins see it, and payout batches."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status
from fastapi.responses import StreamingResponse

from app.deps import (
    DEFAULT_LIMIT,
    DemonstrationId,
    Family,
    OrgAdmin,
    PageCursor,
    PageLimit,
    SessionDep,
)
from app.errors import problem_responses
from app.models.pagination import Page
from app.models.stipend import (
    HouseholdBalance,
    MyStipends,
    PayoutBatchCreate,
    PayoutBatchPublic,
    StipendEntryPublic,
)
from app.services import stipends

router = APIRouter(prefix="/v1", tags=["stipends"])

PayoutBatchId = Annotated[uuid.UUID, Path(description="The payout batch's id.")]


@router.get(
    "/me/stipends",
    summary="My household's stipends: due, paid, and the entries",
    operation_id="my_stipends_read",
    responses=problem_responses(401, 403, 422),
)
def my_stipends(
    actor: Family,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> MyStipends:
    balances, entries, next_cursor = stipends.my_stipends(
        session, actor, cursor=cursor, limit=limit
    )
    return MyStipends(
        balances=balances,
        history=[StipendEntryPublic.model_validate(entry) for entry in entries],
        next_cursor=next_cursor,
    )


@router.get(
    "/demonstrations/{demonstration_id}/stipend-balances",
    summary="Each household's stipend balance in a demonstration",
    operation_id="stipend_balances_list",
    responses=problem_responses(401, 403, 404, 422),
)
def balances(
    demonstration_id: DemonstrationId, actor: OrgAdmin, session: SessionDep
) -> list[HouseholdBalance]:
    return stipends.demonstration_balances(session, actor, demonstration_id)


@router.post(
    "/demonstrations/{demonstration_id}/payout-batches",
    status_code=status.HTTP_201_CREATED,
    summary="Pay every stipend due in a demonstration, as one batch",
    operation_id="payout_batch_create",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def create_batch(
    demonstration_id: DemonstrationId,
    body: PayoutBatchCreate,
    actor: OrgAdmin,
    session: SessionDep,
) -> PayoutBatchPublic:
    batch = stipends.create_payout_batch(session, actor, demonstration_id, body)
    return PayoutBatchPublic.model_validate(batch)


@router.get(
    "/demonstrations/{demonstration_id}/payout-batches",
    summary="A demonstration's payout batches",
    operation_id="payout_batches_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_batches(
    demonstration_id: DemonstrationId,
    actor: OrgAdmin,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[PayoutBatchPublic]:
    rows, next_cursor = stipends.list_payout_batches(
        session, actor, demonstration_id, cursor=cursor, limit=limit
    )
    return Page(
        items=[PayoutBatchPublic.model_validate(row) for row in rows], next_cursor=next_cursor
    )


@router.get(
    "/payout-batches/{batch_id}",
    summary="A payout batch",
    operation_id="payout_batch_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_batch(batch_id: PayoutBatchId, actor: OrgAdmin, session: SessionDep) -> PayoutBatchPublic:
    return PayoutBatchPublic.model_validate(stipends.get_payout_batch(session, actor, batch_id))


@router.get(
    "/payout-batches/{batch_id}/export",
    summary="A payout batch as CSV, one line per household, for the payment provider",
    operation_id="payout_batch_export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "CSV with a header line.",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **problem_responses(401, 403, 404, 422),
    },
)
def export_batch(
    batch_id: PayoutBatchId, actor: OrgAdmin, session: SessionDep
) -> StreamingResponse:
    batch, rows = stipends.payout_csv_rows(session, actor, batch_id)
    filename = f"payout-{batch.paid_on.isoformat()}-{batch.id.hex[:8]}.csv"
    return StreamingResponse(
        stipends.csv_lines(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
