"""The members of a household: optional first names, age bands and relations."""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from app.errors import Conflict, NotFound
from app.models.base import utcnow
from app.models.household import MAX_MEMBERS, HouseholdMember, MemberCreate, MemberUpdate
from app.services import audit, households
from app.services.principal import Principal


class MemberNotFound(NotFound):
    code = "member-not-found"


class TooManyMembers(Conflict):
    code = "too-many-members"
    title = "Too many members"


def list_members(
    session: Session, actor: Principal, household_id: uuid.UUID
) -> Sequence[HouseholdMember]:
    household = households.get_household(session, actor, household_id)
    return session.exec(
        select(HouseholdMember)
        .where(HouseholdMember.household_id == household.id)
        .order_by(col(HouseholdMember.created_at), col(HouseholdMember.id))
    ).all()


def add_member(
    session: Session, actor: Principal, household_id: uuid.UUID, data: MemberCreate
) -> HouseholdMember:
    household = households.own_household(session, actor, household_id)
    count = session.exec(
        select(func.count()).where(HouseholdMember.household_id == household.id)
    ).one()
    if count >= MAX_MEMBERS:
        raise TooManyMembers(f"A household lists at most {MAX_MEMBERS} members.")
    now = utcnow()
    member = HouseholdMember.model_validate(
        data, update={"household_id": household.id, "created_at": now, "updated_at": now}
    )
    session.add(member)
    session.flush()
    _record(session, actor, household_id, "household.member_added", data.model_dump(mode="json"))
    return member


def update_member(
    session: Session,
    actor: Principal,
    household_id: uuid.UUID,
    member_id: uuid.UUID,
    data: MemberUpdate,
) -> HouseholdMember:
    member = _own_member(session, actor, household_id, member_id)
    changes = data.model_dump(exclude_unset=True)
    changes = {
        key: value for key, value in changes.items() if value is not None or key != "age_band"
    }
    before = member.model_dump(include=set(changes))
    member.sqlmodel_update({**changes, "updated_at": utcnow()})
    session.add(member)
    recorded = audit.diff(before, changes)
    if recorded:
        _record(
            session, actor, household_id, "household.member_updated", recorded, member_id=member.id
        )
    return member


def remove_member(
    session: Session, actor: Principal, household_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    member = _own_member(session, actor, household_id, member_id)
    session.delete(member)
    _record(
        session,
        actor,
        household_id,
        "household.member_removed",
        member.model_dump(mode="json", include={"first_name", "age_band", "relation"}),
        member_id=member.id,
    )


def _own_member(
    session: Session, actor: Principal, household_id: uuid.UUID, member_id: uuid.UUID
) -> HouseholdMember:
    household = households.own_household(session, actor, household_id)
    member = session.exec(
        select(HouseholdMember).where(
            HouseholdMember.id == member_id, HouseholdMember.household_id == household.id
        )
    ).first()
    if member is None:
        raise MemberNotFound("No such member in this household.")
    return member


def _record(
    session: Session,
    actor: Principal,
    household_id: uuid.UUID,
    action: str,
    changes: dict[str, object],
    *,
    member_id: uuid.UUID | None = None,
) -> None:
    household = households.get_household(session, actor, household_id)
    if member_id is not None:
        changes = {"member_id": str(member_id), **changes}
    audit.record(
        session,
        actor,
        action,
        "household",
        household.id,
        organization_id=households.organization_of(session, household),
        changes=changes,
    )
