"""Invitations: how a seed household brings its friends into its group.

A code is 8 characters from a 32-letter alphabet without look-alikes (no 0/O, 1/I), drawn with
`secrets`: 40 bits, short enough to read aloud or text, far too many to guess, the more so as
redeeming is rate limited per account. Only its keyed hash is stored; the code is shown once.
A code is spent by one conditional UPDATE (`... WHERE redeemed_at IS NULL AND revoked_at IS
NULL AND expires_at > now`), so two phones redeeming it at the same moment cannot both win.
"""

import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden, Gone, NotFound, Unprocessable
from app.models.consent import ConsentPurpose
from app.models.demonstration import Demonstration
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.invitation import (
    Invitation,
    InvitationCreate,
    InvitationPublic,
    InvitationRedeem,
    InvitationStatus,
)
from app.models.user import Role, User
from app.services import audit, consent, friend_groups, households, security
from app.services.auth import Clocked
from app.services.pagination import paginate
from app.services.phones import mask_phone, normalize_phone
from app.services.principal import Principal

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
REDEEM_ATTEMPTS_PER_WINDOW = 10


class InvitationNotFound(NotFound):
    code = "invitation-not-found"
    title = "No such invitation"


class UnknownCode(InvitationNotFound):
    keeps_changes = True  # the failed attempt counts towards the rate limit


class InvitationExpired(Gone):
    code = "invitation-expired"
    title = "Invitation expired"


class InvitationRevoked(Gone):
    code = "invitation-revoked"
    title = "Invitation revoked"


class InvitationUsed(Conflict):
    code = "invitation-used"
    title = "Invitation already used"


class NotSeedHousehold(Forbidden):
    code = "not-seed-household"
    title = "Only the seed household invites"


class ProgramConsentMissing(Conflict):
    code = "program-consent-missing"
    title = "Program-data consent missing"


class ConsentRequired(Unprocessable):
    code = "consent-required"
    title = "Consent required"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def canonical_code(typed: str) -> str:
    """What a person typed or read out, as stored: upper case, without spaces and dashes."""
    return typed.replace("-", "").replace(" ", "").upper()


def issue(
    session: Session, actor: Principal, ctx: Clocked, group_id: uuid.UUID, data: InvitationCreate
) -> tuple[Invitation, str]:
    """A new invitation and its code in clear, which is never available again."""
    group, seed = _seed_group(session, actor, group_id)
    if not consent.has_consent(session, seed.id, ConsentPurpose.PROGRAM_DATA):
        raise ProgramConsentMissing(
            "Give your program-data consent before inviting friends to the program."
        )
    phone = normalize_phone(data.phone, ctx.settings.default_phone_region) if data.phone else None
    for _ in range(3):  # a repeated code (odds 1 in 2^40 per code issued) just draws again
        code = new_code()
        invitation = Invitation(
            friend_group_id=group.id,
            issued_by_household_id=seed.id,
            issued_by_user_id=actor.user_id,
            code_hash=_code_hash(ctx, code),
            phone_hash=_phone_hash(ctx, phone) if phone else None,
            phone_hint=mask_phone(phone) if phone else None,
            expires_at=ctx.now + timedelta(days=data.expires_in_days),
            created_at=ctx.now,
        )
        try:
            with session.begin_nested():
                session.add(invitation)
        except IntegrityError:
            continue
        break
    else:  # pragma: no cover - three collisions in a row do not happen
        raise Conflict("Could not draw a fresh code; try again.")
    _record(
        session,
        actor,
        invitation,
        "invitation.issued",
        {
            "expires_at": invitation.expires_at,
            "phone": invitation.phone_hint,
        },
    )
    return invitation, display_code(code)


def list_invitations(
    session: Session,
    actor: Principal,
    group_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Invitation], str | None]:
    """The group's invitations without their codes: for its seed household and for staff."""
    group = friend_groups.get_group(session, actor, group_id)
    if not (actor.is_staff or actor.is_platform_admin):
        _seed_group(session, actor, group_id)
    statement = select(Invitation).where(Invitation.friend_group_id == group.id)
    return paginate(
        session, statement, Invitation.created_at, Invitation.id, cursor=cursor, limit=limit
    )


def revoke(
    session: Session,
    actor: Principal,
    ctx: Clocked,
    group_id: uuid.UUID,
    invitation_id: uuid.UUID,
) -> Invitation:
    """Revoking is idempotent; a code already used cannot be taken back."""
    group, _seed = _seed_group(session, actor, group_id)
    invitation = session.exec(
        select(Invitation).where(
            Invitation.id == invitation_id, Invitation.friend_group_id == group.id
        )
    ).first()
    if invitation is None:
        raise InvitationNotFound("No such invitation in this group.")
    if invitation.redeemed_at is not None:
        raise InvitationUsed("This invitation was already used; it cannot be revoked.")
    if invitation.revoked_at is None:
        invitation.revoked_at = ctx.now
        invitation.revoked_by_user_id = actor.user_id
        session.add(invitation)
        _record(session, actor, invitation, "invitation.revoked", {"revoked_at": ctx.now})
    return invitation


def redeem(session: Session, actor: Principal, ctx: Clocked, data: InvitationRedeem) -> Household:
    """A new household for the caller, in the group of the invitation; with its consent."""
    if not data.program_data_consent:
        raise ConsentRequired(
            "Joining needs your consent to the program's use of your household's data.",
            errors=[
                {
                    "field": "body.program_data_consent",
                    "message": "Must be true to join.",
                    "type": "consent_required",
                }
            ],
        )
    user = session.get(User, actor.user_id)
    if user is None or user.role is not Role.FAMILY:
        raise Forbidden("Only a family member's account can join a group.")
    if user.household_id is not None:
        raise households.PhoneAlreadyEnrolled("Your phone already belongs to a household.")
    ctx.limit(session, "invitation-redeem", str(actor.user_id), REDEEM_ATTEMPTS_PER_WINDOW)
    invitation = session.exec(
        select(Invitation).where(Invitation.code_hash == _code_hash(ctx, canonical_code(data.code)))
    ).first()
    # A code bound to another phone answers like an unknown one: it tells a stranger nothing.
    if invitation is None or (
        invitation.phone_hash is not None
        and not security.same_hash(invitation.phone_hash, _phone_hash(ctx, user.phone or ""))
    ):
        raise UnknownCode("No invitation has this code. Check it with who gave it to you.")
    _raise_unless_active(invitation, ctx.now)
    if not _spend(session, invitation, ctx.now):  # someone else spent it a moment ago
        session.refresh(invitation)
        _raise_unless_active(invitation, ctx.now)
        raise InvitationUsed("This invitation was already used.")
    group = session.get(FriendGroup, invitation.friend_group_id)
    demonstration = session.get(Demonstration, group.demonstration_id) if group else None
    assert group is not None and demonstration is not None  # foreign keys
    friend_groups.take_seat(session, group.id, demonstration.friends_per_seed)
    household = households.create_household(
        session, actor, demonstration, group, data, is_seed=False
    )
    if not households.claim_user(session, user, household.id):
        raise households.PhoneAlreadyEnrolled("Your phone already belongs to a household.")
    invitation.redeemed_at = ctx.now
    invitation.redeemed_by_household_id = household.id
    session.add(invitation)
    _record(
        session,
        actor,
        invitation,
        "invitation.redeemed",
        {"redeemed_by_household_id": household.id},
        organization_id=demonstration.organization_id,
    )
    consent.record_consent(
        session,
        actor,
        household.id,
        demonstration.organization_id,
        ConsentPurpose.PROGRAM_DATA,
        True,
    )
    return household


def describe(invitation: Invitation, now: datetime) -> InvitationPublic:
    return InvitationPublic.model_validate(invitation, update={"status": invitation.status_at(now)})


def _spend(session: Session, invitation: Invitation, now: datetime) -> bool:
    result = session.execute(
        sa.update(Invitation)
        .where(
            col(Invitation.id) == invitation.id,
            col(Invitation.redeemed_at).is_(None),
            col(Invitation.revoked_at).is_(None),
            col(Invitation.expires_at) > now,
        )
        .values(redeemed_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def _raise_unless_active(invitation: Invitation, now: datetime) -> None:
    status = invitation.status_at(now)
    if status is InvitationStatus.REVOKED:
        raise InvitationRevoked("This invitation was revoked by the household that gave it.")
    if status is InvitationStatus.REDEEMED:
        raise InvitationUsed("This invitation was already used.")
    if status is InvitationStatus.EXPIRED:
        raise InvitationExpired("This invitation has expired. Ask for a new one.")


def _seed_group(
    session: Session, actor: Principal, group_id: uuid.UUID
) -> tuple[FriendGroup, Household]:
    """The group and its seed, when the caller is an adult of that seed household."""
    group = friend_groups.get_group(session, actor, group_id)
    seed = friend_groups.seed_of(session, group.id)
    if actor.household_id != seed.id:
        raise NotSeedHousehold("Only the seed household of this group manages its invitations.")
    return group, seed


def _record(
    session: Session,
    actor: Principal,
    invitation: Invitation,
    action: str,
    changes: dict[str, object],
    *,
    organization_id: uuid.UUID | None = None,
) -> None:
    if organization_id is None:
        organization_id = households.organization_of(
            session, session.get_one(Household, invitation.issued_by_household_id)
        )
    audit.record(
        session,
        actor,
        action,
        "invitation",
        invitation.id,
        organization_id=organization_id,
        changes={"friend_group_id": invitation.friend_group_id, **changes},
    )


def _code_hash(ctx: Clocked, code: str) -> str:
    return security.keyed_hash(ctx.settings.signing_key, f"invitation:{code}")


def _phone_hash(ctx: Clocked, phone: str) -> str:
    return security.keyed_hash(ctx.settings.signing_key, f"invitation-phone:{phone}")
