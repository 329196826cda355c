"""Blocked attempts, for the partner admin who coaches staff: a list with filters, and counts
per sender and per rule. Only a partner admin of the organization reads them."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Forbidden
from app.models.message import (
    BlockedMessagePublic,
    BlockedSummary,
    LiaisonCount,
    LiaisonMessage,
    LiaisonMessageReason,
    MessageStatus,
    RuleCount,
)
from app.models.user import Role, User
from app.services import organizations
from app.services.messages import reasons_of
from app.services.pagination import paginate
from app.services.principal import Principal


@dataclass(frozen=True)
class BlockedFilters:
    sender_user_id: uuid.UUID | None = None
    rule_id: str | None = None
    demonstration_id: uuid.UUID | None = None


def _blocked_of(
    session: Session, actor: Principal, organization_id: uuid.UUID, filters: BlockedFilters
) -> sa.ColumnElement[bool]:
    organization = organizations.get_organization(session, actor, organization_id)
    if actor.role is not Role.PARTNER_ADMIN:
        raise Forbidden("Only a partner admin reads blocked attempts.")
    condition = sa.and_(
        col(LiaisonMessage.organization_id) == organization.id,
        col(LiaisonMessage.status) == MessageStatus.BLOCKED,
    )
    if filters.sender_user_id is not None:
        condition &= col(LiaisonMessage.sender_user_id) == filters.sender_user_id
    if filters.demonstration_id is not None:
        condition &= col(LiaisonMessage.demonstration_id) == filters.demonstration_id
    if filters.rule_id is not None:
        fired = select(LiaisonMessageReason.message_id).where(
            LiaisonMessageReason.rule_id == filters.rule_id
        )
        condition &= col(LiaisonMessage.id).in_(fired)
    return condition


def list_blocked(
    session: Session,
    actor: Principal,
    organization_id: uuid.UUID,
    filters: BlockedFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[BlockedMessagePublic], str | None]:
    """Newest first."""
    condition = _blocked_of(session, actor, organization_id, filters)
    rows, next_cursor = paginate(
        session,
        select(LiaisonMessage).where(condition),
        LiaisonMessage.created_at,
        LiaisonMessage.id,
        cursor=cursor,
        limit=limit,
    )
    return describe(session, rows), next_cursor


def describe(session: Session, rows: Sequence[LiaisonMessage]) -> list[BlockedMessagePublic]:
    reasons = reasons_of(session, [row.id for row in rows])
    return [
        BlockedMessagePublic.model_validate(row, update={"reasons": reasons[row.id]})
        for row in rows
    ]


def summarize(
    session: Session, actor: Principal, organization_id: uuid.UUID, filters: BlockedFilters
) -> BlockedSummary:
    condition = _blocked_of(session, actor, organization_id, filters)
    total = session.exec(select(sa.func.count()).select_from(LiaisonMessage).where(condition)).one()
    blocked = sa.func.count(col(LiaisonMessage.id))
    per_sender = session.exec(
        select(LiaisonMessage.sender_user_id, User.full_name, blocked)
        .join(User, col(User.id) == LiaisonMessage.sender_user_id)
        .where(condition)
        .group_by(col(LiaisonMessage.sender_user_id), col(User.full_name))
        .order_by(blocked.desc(), col(LiaisonMessage.sender_user_id))
    ).all()
    attempts = sa.func.count(sa.distinct(col(LiaisonMessageReason.message_id)))
    per_rule = session.exec(
        select(LiaisonMessageReason.rule_id, attempts)
        .join(LiaisonMessage, col(LiaisonMessage.id) == LiaisonMessageReason.message_id)
        .where(condition)
        .group_by(col(LiaisonMessageReason.rule_id))
        .order_by(attempts.desc(), col(LiaisonMessageReason.rule_id))
    ).all()
    return BlockedSummary(
        total=total,
        by_liaison=[
            LiaisonCount(sender_user_id=sender, full_name=name, blocked=count)
            for sender, name, count in per_sender
        ],
        by_rule=[RuleCount(rule_id=rule_id, blocked=count) for rule_id, count in per_rule],
    )
