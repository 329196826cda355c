from sqlmodel import Session

from app.errors import Unauthorized
from app.models.user import MePublic, User
from app.services.principal import Principal


def describe(session: Session, principal: Principal) -> MePublic:
    user = session.get(User, principal.user_id)
    if user is None:
        raise Unauthorized("This account no longer exists.")
    return MePublic(
        id=user.id,
        role=user.role,
        full_name=user.full_name,
        email=user.email,
        phone=user.phone,
        organization_id=user.organization_id,
        household_id=principal.household_id,
    )
