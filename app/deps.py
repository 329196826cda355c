"""Dependencies as `Annotated` aliases, so each route's signature shows what it needs and who
may call it."""

import uuid
from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.config import Settings
from app.db import session_scope
from app.errors import Forbidden, Unauthorized
from app.models.base import utcnow
from app.models.user import Role
from app.services import auth
from app.services.auth import Clocked
from app.services.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from app.services.principal import Principal
from app.services.sms import SmsSender
from app.services.storage import PhotoStorage


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    yield from session_scope(request.app.state.engine)


def get_sms_sender(request: Request) -> SmsSender:
    sender: SmsSender = request.app.state.sms_sender
    return sender


def get_photo_storage(request: Request) -> PhotoStorage:
    storage: PhotoStorage = request.app.state.photo_storage
    return storage


SettingsDep = Annotated[Settings, Depends(get_settings)]
PhotoStorageDep = Annotated[PhotoStorage, Depends(get_photo_storage)]
# scope="function": commit before the response is sent, so a failed commit is never a 200.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SmsSenderDep = Annotated[SmsSender, Depends(get_sms_sender)]


def get_clock(settings: SettingsDep) -> Clocked:
    return Clocked(settings=settings, now=utcnow())


ClockDep = Annotated[Clocked, Depends(get_clock)]


def get_client_address(request: Request) -> str:
    # Behind a proxy, uvicorn's --proxy-headers (set by `mutuality serve`) fills this in.
    return request.client.host if request.client else "unknown"


ClientAddress = Annotated[str, Depends(get_client_address)]

_bearer = HTTPBearer(auto_error=False, description="Access token from a sign-in endpoint.")


def get_principal(
    session: SessionDep,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise Unauthorized("Sign in first: send `Authorization: Bearer <access token>`.")
    return auth.authenticate(session, clock, credentials.credentials)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(*roles: Role) -> Callable[[Principal], Principal]:
    allowed = frozenset(roles)

    def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in allowed:
            raise Forbidden("Your role may not do this.")
        return principal

    return check


PlatformAdmin = Annotated[Principal, Depends(require_role(Role.PLATFORM_ADMIN))]
OrgAdmin = Annotated[Principal, Depends(require_role(Role.PLATFORM_ADMIN, Role.PARTNER_ADMIN))]
AnyStaff = Annotated[
    Principal, Depends(require_role(Role.PLATFORM_ADMIN, Role.PARTNER_ADMIN, Role.LIAISON))
]
PartnerStaff = Annotated[Principal, Depends(require_role(Role.PARTNER_ADMIN, Role.LIAISON))]
Family = Annotated[Principal, Depends(require_role(Role.FAMILY))]

PageCursor = Annotated[
    str | None,
    Query(
        max_length=200,
        pattern=r"^[A-Za-z0-9_\-]+$",
        description="`next_cursor` of the page before.",
    ),
]
PageLimit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page.")]
DEFAULT_LIMIT = DEFAULT_PAGE_SIZE

OrganizationId = Annotated[uuid.UUID, Path(description="The organization's id.")]
DemonstrationId = Annotated[uuid.UUID, Path(description="The demonstration's id.")]
HouseholdId = Annotated[uuid.UUID, Path(description="The household's id.")]
FriendGroupId = Annotated[uuid.UUID, Path(description="The friend group's id.")]
InvitationId = Annotated[uuid.UUID, Path(description="The invitation's id.")]
MemberId = Annotated[uuid.UUID, Path(description="The household member's id.")]
UserId = Annotated[uuid.UUID, Path(description="The user's id.")]
