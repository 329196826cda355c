"""How the feed orders posts for one family: pure functions over plain data.

Order: closeness tier first (own group 0, own demonstration 1, same country 2, same language 3,
world 4), then a score that is the post's time plus a lift for practices that are spreading
(adoptions in the 30 days before the feed's `as_of`), then the id to break ties. The lift is
bounded, so spreading only reorders posts of similar age inside a tier; it never jumps a tier.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

OWN_GROUP, OWN_DEMONSTRATION, SAME_COUNTRY, SAME_LANGUAGE, WORLD = range(5)
SPREAD_WINDOW = timedelta(days=30)
LIFT_PER_ADOPTION = timedelta(days=2)
MAX_LIFTED_ADOPTIONS = 7


@dataclass(frozen=True)
class Viewer:
    friend_group_id: uuid.UUID
    demonstration_id: uuid.UUID
    country: str
    language: str


@dataclass(frozen=True)
class Candidate:
    id: uuid.UUID
    friend_group_id: uuid.UUID
    demonstration_id: uuid.UUID
    country: str
    language: str
    created_at: datetime
    recent_adoptions: int


RankKey = tuple[int, float, str]
"""(tier, -score, id): ascending order is feed order."""


def primary_language(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def tier_of(viewer: Viewer, post: Candidate) -> int:
    if post.friend_group_id == viewer.friend_group_id:
        return OWN_GROUP
    if post.demonstration_id == viewer.demonstration_id:
        return OWN_DEMONSTRATION
    if post.country == viewer.country:
        return SAME_COUNTRY
    if primary_language(post.language) == primary_language(viewer.language):
        return SAME_LANGUAGE
    return WORLD


def score_of(post: Candidate) -> float:
    lifted = min(max(post.recent_adoptions, 0), MAX_LIFTED_ADOPTIONS)
    return post.created_at.timestamp() + lifted * LIFT_PER_ADOPTION.total_seconds()


def rank_key(viewer: Viewer, post: Candidate) -> RankKey:
    return (tier_of(viewer, post), -score_of(post), str(post.id))


def rank(
    viewer: Viewer, posts: list[Candidate], *, after: RankKey | None = None
) -> list[Candidate]:
    """The posts in feed order, only those strictly after `after` when given."""
    keyed = sorted(((rank_key(viewer, post), post) for post in posts), key=lambda pair: pair[0])
    return [post for key, post in keyed if after is None or key > after]
