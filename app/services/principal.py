import uuid
from dataclasses import dataclass

from app.models.user import STAFF_ROLES, Role


@dataclass(frozen=True)
class Principal:
    """Who is calling: what every service scopes its queries by."""

    user_id: uuid.UUID
    role: Role
    session_id: uuid.UUID
    organization_id: uuid.UUID | None = None
    household_id: uuid.UUID | None = None

    @property
    def is_platform_admin(self) -> bool:
        return self.role is Role.PLATFORM_ADMIN

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES
