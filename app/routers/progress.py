"""A family's own progress and its data rights: export and erasure."""

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from app.deps import Family, PhotoStorageDep, SessionDep
from app.errors import problem_responses
from app.models.progress import ErasureReceipt, MyProgress
from app.services import data_rights, progress, progress_math

router = APIRouter(prefix="/v1", tags=["progress"])

Indicator = StrEnum("Indicator", {name: name for name in progress_math.INDICATORS})  # type: ignore[misc]


class ChartLanguage(StrEnum):
    EN = "en"
    ES = "es"


SVG_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An SVG image with a `<title>` and `<desc>`.",
        "content": {"image/svg+xml": {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/me/progress",
    summary="My household's progress: baseline, latest, change and monthly series",
    operation_id="my_progress_read",
    responses=problem_responses(401, 403),
)
def my_progress(actor: Family, session: SessionDep) -> MyProgress:
    return progress.my_progress(session, actor)


@router.get(
    "/me/progress.svg",
    summary="One indicator of my household's progress as a small SVG chart",
    operation_id="my_progress_chart",
    response_class=Response,
    responses={**SVG_RESPONSE, **problem_responses(401, 403, 404, 422)},
)
def my_progress_chart(
    actor: Family,
    session: SessionDep,
    indicator: Annotated[Indicator, Query(description="Core question id or `total_income`.")],
    lang: Annotated[
        ChartLanguage | None, Query(description="Labels' language; default: the household's.")
    ] = None,
) -> Response:
    svg = progress.my_progress_svg(
        session, actor, str(indicator.value), lang.value if lang else None
    )
    return Response(svg, media_type="image/svg+xml")


@router.get(
    "/me/export",
    summary="Download all my household's data (JSON, one list per table)",
    operation_id="my_data_export",
    responses=problem_responses(401, 403),
)
def export(actor: Family, session: SessionDep) -> dict[str, list[dict[str, Any]]]:
    return data_rights.export(session, actor)


@router.post(
    "/me/erasure",
    summary="Erase my household's personal data and texts (numbers stay for the aggregates)",
    operation_id="my_data_erase",
    responses=problem_responses(401, 403),
)
def erase(actor: Family, session: SessionDep, storage: PhotoStorageDep) -> ErasureReceipt:
    return data_rights.erase(session, actor, storage)
