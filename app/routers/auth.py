from fastapi import APIRouter, status

from app.deps import ClientAddress, ClockDep, CurrentPrincipal, SessionDep, SmsSenderDep
from app.errors import problem_responses
from app.models.auth import (
    CodeSent,
    PhoneCodeRequest,
    PhoneCodeVerify,
    RefreshRequest,
    StaffLogin,
    TokenPair,
)
from app.services import auth

router = APIRouter(prefix="/v1/auth", tags=["auth"])


@router.post(
    "/phone/code",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send a one-time sign-in code by SMS",
    description="The answer is the same whether or not the phone is enrolled.",
    operation_id="auth_request_phone_code",
    responses=problem_responses(422, 429),
)
def request_phone_code(
    body: PhoneCodeRequest,
    session: SessionDep,
    clock: ClockDep,
    sender: SmsSenderDep,
    client: ClientAddress,
) -> CodeSent:
    auth.request_code(session, clock, sender, body.phone, client)
    return CodeSent(detail=auth.CODE_SENT_MESSAGE, expires_in=clock.settings.otp_minutes * 60)


@router.post(
    "/phone/verify",
    summary="Sign in with a phone number and the code it received",
    operation_id="auth_verify_phone_code",
    responses=problem_responses(401, 422),
)
def verify_phone_code(body: PhoneCodeVerify, session: SessionDep, clock: ClockDep) -> TokenPair:
    return auth.verify_code(session, clock, body.phone, body.code)


@router.post(
    "/staff/login",
    summary="Sign in as staff with email and password",
    operation_id="auth_staff_login",
    responses=problem_responses(401, 422, 429),
)
def staff_login(
    body: StaffLogin, session: SessionDep, clock: ClockDep, client: ClientAddress
) -> TokenPair:
    return auth.staff_login(session, clock, body.email, body.password, client)


@router.post(
    "/refresh",
    summary="Trade a refresh token for new tokens (the old one is spent)",
    operation_id="auth_refresh",
    responses=problem_responses(401, 422),
)
def refresh(body: RefreshRequest, session: SessionDep, clock: ClockDep) -> TokenPair:
    return auth.refresh(session, clock, body.refresh_token)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="End this session: its refresh tokens stop working at once",
    operation_id="auth_logout",
    responses=problem_responses(401),
)
def logout(principal: CurrentPrincipal, session: SessionDep, clock: ClockDep) -> None:
    auth.revoke_session(session, principal.session_id, clock.now, reason="logout")
