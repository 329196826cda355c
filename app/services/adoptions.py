"""Adoptions: "we tried this", at most once per household and post, with a later outcome."""

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.errors import Forbidden
from app.models.base import utcnow
from app.models.practice import Adoption, AdoptionChange
from app.services import practices
from app.services.principal import Principal


class OwnPractice(Forbidden):
    code = "own-practice"
    title = "Your own practice"


def record(
    session: Session, actor: Principal, post_id: uuid.UUID, data: AdoptionChange
) -> Adoption:
    """Idempotent: a second call (a phone resending, or a later outcome) updates the one row;
    the unique (post, household) key settles simultaneous first calls."""
    household = practices.acting_household(session, actor)
    post = practices.get_post(session, actor, post_id)
    if post.household_id == household.id:
        raise OwnPractice("A household does not adopt its own practice.")
    adoption = _existing(session, post.id, household.id)
    if adoption is None:
        now = utcnow()
        try:
            with session.begin_nested():
                adoption = Adoption(
                    post_id=post.id,
                    household_id=household.id,
                    friend_group_id=household.friend_group_id,
                    demonstration_id=household.demonstration_id,
                    outcome=data.outcome,
                    created_at=now,
                    updated_at=now,
                )
                session.add(adoption)
            return adoption
        except IntegrityError:  # another request of this household got there first
            adoption = _existing(session, post.id, household.id)
            assert adoption is not None
    if data.outcome is not None and data.outcome != adoption.outcome:
        adoption.outcome = data.outcome
        adoption.updated_at = utcnow()
        session.add(adoption)
        session.flush()
    return adoption


def _existing(session: Session, post_id: uuid.UUID, household_id: uuid.UUID) -> Adoption | None:
    return session.exec(
        select(Adoption).where(Adoption.post_id == post_id, Adoption.household_id == household_id)
    ).first()
