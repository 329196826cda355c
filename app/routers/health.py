from fastapi import APIRouter
from pydantic import BaseModel

from app.deps import SessionDep
from app.errors import problem_responses
from app.services import health

router = APIRouter(tags=["operations"])


class HealthStatus(BaseModel):
    status: str


@router.get("/healthz", summary="The process is up", operation_id="health_live")
async def live() -> HealthStatus:
    return HealthStatus(status="ok")


@router.get(
    "/readyz",
    summary="The database answers",
    operation_id="health_ready",
    responses=problem_responses(503),
)
def ready(session: SessionDep) -> HealthStatus:
    health.check_database(session)
    return HealthStatus(status="ok")
