from fastapi import APIRouter

from app.deps import CurrentPrincipal, SessionDep
from app.errors import problem_responses
from app.models.user import MePublic
from app.services import users

router = APIRouter(prefix="/v1", tags=["me"])


@router.get(
    "/me",
    summary="Who I am: role, organization or household",
    operation_id="me_read",
    responses=problem_responses(401),
)
def read_me(principal: CurrentPrincipal, session: SessionDep) -> MePublic:
    return users.describe(session, principal)
