"""Demonstration dashboards for the partner's staff: JSON, streamed CSV, SVG chart."""

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from app.deps import DemonstrationId, PartnerStaff, SessionDep
from app.errors import problem_responses
from app.models.progress import Dashboard
from app.routers.progress import SVG_RESPONSE
from app.services import dashboards

router = APIRouter(prefix="/v1", tags=["dashboards"])


class ChartMeasure(StrEnum):
    COMPLETION_RATE = "completion_rate"
    VERIFICATION_RATE = "verification_rate"
    MEAN_TOTAL_INCOME = "mean_total_income"


@router.get(
    "/demonstrations/{demonstration_id}/dashboard",
    summary="A demonstration's dashboard, overall and per friend group (small cells suppressed)",
    operation_id="demonstration_dashboard_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_dashboard(
    demonstration_id: DemonstrationId, actor: PartnerStaff, session: SessionDep
) -> Dashboard:
    return dashboards.dashboard(session, actor, demonstration_id)


@router.get(
    "/demonstrations/{demonstration_id}/dashboard.csv",
    summary="The dashboard as CSV: one figure per line, `suppressed` for small cells",
    operation_id="demonstration_dashboard_csv",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "CSV with a header line.",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **problem_responses(401, 403, 404, 422),
    },
)
def dashboard_csv(
    demonstration_id: DemonstrationId, actor: PartnerStaff, session: SessionDep
) -> StreamingResponse:
    board = dashboards.dashboard(session, actor, demonstration_id)
    filename = f"dashboard-{demonstration_id.hex[:8]}.csv"
    return StreamingResponse(
        dashboards.csv_lines(board),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/demonstrations/{demonstration_id}/dashboard.svg",
    summary="A monthly dashboard figure as an SVG chart (suppressed months are gaps)",
    operation_id="demonstration_dashboard_chart",
    response_class=Response,
    responses={**SVG_RESPONSE, **problem_responses(401, 403, 404, 422)},
)
def dashboard_chart(
    demonstration_id: DemonstrationId,
    actor: PartnerStaff,
    session: SessionDep,
    measure: Annotated[ChartMeasure, Query(description="Which monthly figure.")] = (
        ChartMeasure.MEAN_TOTAL_INCOME
    ),
) -> Response:
    board = dashboards.dashboard(session, actor, demonstration_id)
    return Response(dashboards.svg(board, measure.value), media_type="image/svg+xml")
