"""Households: seed enrolment, the household's own profile, its adults, and staff listings."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden, NotFound
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.friend_group import FriendGroup
from app.models.household import (
    AdultCreate,
    GroupShare,
    Household,
    HouseholdNetworkTag,
    HouseholdProfile,
    HouseholdPublic,
    HouseholdUpdate,
    NetworkKind,
    NetworkTag,
    SeedEnrolment,
)
from app.models.language import canonical_language_tag
from app.models.user import Role, User
from app.services import audit, demonstrations
from app.services.pagination import paginate
from app.services.phones import mask_phone, normalize_phone
from app.services.principal import Principal


class HouseholdNotFound(NotFound):
    code = "household-not-found"


class PhoneAlreadyEnrolled(Conflict):
    code = "phone-already-enrolled"
    title = "Phone already enrolled"


@dataclass(frozen=True)
class HouseholdFilters:
    friend_group_id: uuid.UUID | None = None
    language: str | None = None
    tag: str | None = None
    tag_kind: NetworkKind | None = None
    seeds_only: bool = False


def visible(actor: Principal) -> sa.ColumnElement[bool]:
    """The condition on `Household` that keeps what `actor` may see: a family its own
    household, staff the households of the demonstrations they see."""
    if actor.role is Role.FAMILY:
        if actor.household_id is None:
            return sa.false()
        return col(Household.id) == actor.household_id
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    return col(Household.demonstration_id).in_(shown)


def get_household(session: Session, actor: Principal, household_id: uuid.UUID) -> Household:
    household = session.exec(
        select(Household).where(Household.id == household_id, visible(actor))
    ).first()
    if household is None:
        raise HouseholdNotFound("No such household.")
    return household


def own_household(session: Session, actor: Principal, household_id: uuid.UUID) -> Household:
    """The household, when the caller is one of its adults: only they change it."""
    household = get_household(session, actor, household_id)
    if actor.household_id != household.id:
        raise Forbidden("Only the household's own members may change it.", code="not-own-household")
    return household


def organization_of(session: Session, household: Household) -> uuid.UUID:
    demonstration = session.get(Demonstration, household.demonstration_id)
    assert demonstration is not None  # a foreign key
    return demonstration.organization_id


def enrol_seed(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    data: SeedEnrolment,
    *,
    default_region: str,
) -> Household:
    """A seed household, its friend group and its primary member's account, in one go."""
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    phone = normalize_phone(data.phone, default_region)
    group = FriendGroup(demonstration_id=demonstration.id, created_at=utcnow())
    session.add(group)
    session.flush()
    household = create_household(session, actor, demonstration, group, data, is_seed=True)
    attach_adult(session, actor, household, demonstration.organization_id, phone, data.full_name)
    audit.record(
        session,
        actor,
        "friend_group.created",
        "friend_group",
        group.id,
        organization_id=demonstration.organization_id,
        changes={"seed_household_id": str(household.id)},
    )
    return household


def create_household(
    session: Session,
    actor: Principal,
    demonstration: Demonstration,
    group: FriendGroup,
    profile: HouseholdProfile,
    *,
    is_seed: bool,
) -> Household:
    now = utcnow()
    household = Household(
        demonstration_id=demonstration.id,
        friend_group_id=group.id,
        is_seed=is_seed,
        label=profile.label,
        preferred_language=profile.preferred_language,
        adults_count=profile.adults_count,
        children_count=profile.children_count,
        created_at=now,
        updated_at=now,
    )
    session.add(household)
    session.flush()
    tags = _replace_tags(session, household.id, profile.network_tags)
    audit.record(
        session,
        actor,
        "household.created",
        "household",
        household.id,
        organization_id=demonstration.organization_id,
        changes={
            **profile.model_dump(mode="json", include=_PROFILE_FIELDS),
            "network_tags": tags,
            "friend_group_id": str(group.id),
            "is_seed": is_seed,
        },
    )
    return household


def attach_adult(
    session: Session,
    actor: Principal,
    household: Household,
    organization_id: uuid.UUID,
    phone: str,
    full_name: str | None,
) -> User:
    """The family account of `phone`, made a member of `household`.

    A phone that signed in before but belongs to no household yet is attached; one that
    belongs to a household already (or to staff) cannot be enrolled a second time."""
    now = utcnow()
    user = session.exec(select(User).where(User.phone == phone)).first()
    if user is None:
        try:
            with session.begin_nested():
                user = User(
                    role=Role.FAMILY,
                    phone=phone,
                    full_name=full_name,
                    household_id=household.id,
                    created_at=now,
                    updated_at=now,
                )
                session.add(user)
        except IntegrityError as exc:  # the same phone enrolled at the same moment
            raise PhoneAlreadyEnrolled("This phone already belongs to a household.") from exc
    else:
        if user.role is not Role.FAMILY or not claim_user(session, user, household.id):
            raise PhoneAlreadyEnrolled("This phone already belongs to a household.")
        if full_name and not user.full_name:
            user.full_name = full_name
            session.add(user)
    audit.record(
        session,
        actor,
        "household.adult_added",
        "household",
        household.id,
        organization_id=organization_id,
        changes={"user_id": str(user.id), "phone": mask_phone(phone)},
    )
    return user


def claim_user(session: Session, user: User, household_id: uuid.UUID) -> bool:
    """Make `user` a member of the household unless they joined one meanwhile: one conditional
    UPDATE, so two enrolments of the same person at the same moment cannot both win."""
    result = session.execute(
        sa.update(User)
        .where(col(User.id) == user.id, col(User.household_id).is_(None))
        .values(household_id=household_id, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    session.refresh(user)
    return bool(getattr(result, "rowcount", 0))


def add_adult(
    session: Session,
    actor: Principal,
    household_id: uuid.UUID,
    data: AdultCreate,
    *,
    default_region: str,
) -> User:
    household = own_household(session, actor, household_id)
    phone = normalize_phone(data.phone, default_region)
    return attach_adult(
        session, actor, household, organization_of(session, household), phone, data.full_name
    )


def update_household(
    session: Session, actor: Principal, household_id: uuid.UUID, data: HouseholdUpdate
) -> Household:
    household = own_household(session, actor, household_id)
    changes = data.model_dump(mode="json", exclude_unset=True, exclude_none=True)
    tags = changes.pop("network_tags", None)
    if "shared_with_group" in changes:
        changes["shared_with_group"] = _ordered_shares(changes["shared_with_group"])
    before = household.model_dump(mode="json", include=set(changes))
    recorded = audit.diff(before, changes)
    if tags is not None:
        old_tags = tags_of(session, [household.id])[household.id]
        new_tags = _replace_tags(session, household.id, data.network_tags or [])
        old_json = [tag.model_dump(mode="json") for tag in old_tags]
        recorded |= audit.diff({"network_tags": old_json}, {"network_tags": new_tags})
    household.sqlmodel_update({**changes, "updated_at": utcnow()})
    session.add(household)
    if recorded:
        audit.record(
            session,
            actor,
            "household.updated",
            "household",
            household.id,
            organization_id=organization_of(session, household),
            changes=recorded,
        )
    return household


def list_households(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    filters: HouseholdFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Household], str | None]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    statement = select(Household).where(Household.demonstration_id == demonstration.id)
    if filters.friend_group_id is not None:
        statement = statement.where(Household.friend_group_id == filters.friend_group_id)
    if filters.language is not None:
        language = canonical_language_tag(filters.language)
        statement = statement.where(Household.preferred_language == language)
    if filters.seeds_only:
        statement = statement.where(col(Household.is_seed).is_(True))
    if filters.tag is not None or filters.tag_kind is not None:
        tagged = select(HouseholdNetworkTag.household_id)
        if filters.tag is not None:
            tagged = tagged.where(
                sa.func.lower(HouseholdNetworkTag.value) == filters.tag.strip().lower()
            )
        if filters.tag_kind is not None:
            tagged = tagged.where(HouseholdNetworkTag.kind == filters.tag_kind)
        statement = statement.where(col(Household.id).in_(tagged))
    return paginate(
        session, statement, Household.created_at, Household.id, cursor=cursor, limit=limit
    )


def describe(
    session: Session, households: Sequence[Household], *, for_staff: bool
) -> list[HouseholdPublic]:
    """Households as their own adults see them, or as staff do (phones masked)."""
    ids = [household.id for household in households]
    tags = tags_of(session, ids)
    phones: dict[uuid.UUID, list[str]] = {household_id: [] for household_id in ids}
    rows = session.exec(
        select(User.household_id, User.phone)
        .where(col(User.household_id).in_(ids), col(User.phone).is_not(None))
        .order_by(col(User.created_at), col(User.id))
    ).all()
    for household_id, phone in rows:
        if household_id is not None and phone is not None:
            phones[household_id].append(mask_phone(phone) if for_staff else phone)
    return [
        HouseholdPublic.model_validate(
            household,
            update={
                "network_tags": tags[household.id],
                "contact_phones": phones[household.id],
            },
        )
        for household in households
    ]


def tags_of(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[NetworkTag]]:
    tags: dict[uuid.UUID, list[NetworkTag]] = {household_id: [] for household_id in ids}
    rows = session.exec(
        select(HouseholdNetworkTag)
        .where(col(HouseholdNetworkTag.household_id).in_(ids))
        .order_by(col(HouseholdNetworkTag.kind), col(HouseholdNetworkTag.value))
    ).all()
    for row in rows:
        tags[row.household_id].append(NetworkTag(kind=row.kind, value=row.value))
    return tags


_PROFILE_FIELDS = {"label", "preferred_language", "adults_count", "children_count"}


def _replace_tags(
    session: Session, household_id: uuid.UUID, tags: Sequence[NetworkTag]
) -> list[dict[str, str]]:
    """Store the tags, dropping repeats that differ only in case; returns them JSON-ready."""
    session.execute(
        sa.delete(HouseholdNetworkTag).where(col(HouseholdNetworkTag.household_id) == household_id)
    )
    unique: dict[tuple[NetworkKind, str], NetworkTag] = {}
    for tag in tags:
        unique.setdefault((tag.kind, tag.value.casefold()), tag)
    for tag in unique.values():
        session.add(HouseholdNetworkTag(household_id=household_id, kind=tag.kind, value=tag.value))
    session.flush()
    return [tag.model_dump(mode="json") for tag in unique.values()]


def _ordered_shares(shares: Sequence[str]) -> list[str]:
    chosen = set(shares)
    return [share.value for share in GroupShare if share.value in chosen]
