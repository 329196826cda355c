"""Friend groups: one seed household and the friend households it invited."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, new_id, utcnow
from app.models.demonstration import MAX_FRIENDS_PER_SEED


class FriendGroup(SQLModel, table=True):
    __tablename__ = "friend_groups"
    __table_args__ = (
        sa.CheckConstraint(
            f"friends_count BETWEEN 0 AND {MAX_FRIENDS_PER_SEED}", name="friends_count_range"
        ),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", index=True, ondelete="RESTRICT"
    )
    # Friend households joined so far. Only ever changed by one conditional UPDATE (see
    # services/friend_groups.py), which is what keeps a group within its limit under load.
    friends_count: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class FriendGroupPublic(SQLModel):
    id: uuid.UUID
    demonstration_id: uuid.UUID
    seed_household_id: uuid.UUID
    seed_label: str
    friends_count: int = Field(description="Friend households in the group, the seed not counted.")
    friends_limit: int = Field(description="The demonstration's friends-per-seed limit.")
    created_at: datetime
