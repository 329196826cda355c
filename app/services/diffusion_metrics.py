"""How a practice spreads: pure computations over adoption facts (no I/O).

Bonding ties are inside the origin friend group, bridging ties cross groups. A practice passes
its tipping point when its adopters exceed 16% of the demonstration's households — Rogers'
innovators (2.5%) plus early adopters (13.5%).
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

TIPPING_SHARE = 0.16


@dataclass(frozen=True)
class AdoptionFact:
    household_id: uuid.UUID
    friend_group_id: uuid.UUID
    demonstration_id: uuid.UUID
    adopted_at: datetime


@dataclass(frozen=True)
class PostFact:
    id: uuid.UUID
    friend_group_id: uuid.UUID
    demonstration_id: uuid.UUID
    posted_at: datetime
    adoptions: tuple[AdoptionFact, ...]


@dataclass(frozen=True)
class Month:
    month: str
    adopters: int
    cumulative: int


@dataclass(frozen=True)
class PostMetrics:
    post_id: uuid.UUID
    adopters: int
    adopters_in_demonstration: int
    demonstration_households: int
    share_reached: float
    bonding_adoptions: int
    bridging_adoptions: int
    days_to_first_bridging: float | None
    tipping_point: bool
    by_month: list[Month]


@dataclass(frozen=True)
class DemonstrationMetrics:
    posts: int
    households: int
    adopting_households: int
    share_reached: float
    bonding_adoptions: int
    bridging_adoptions: int
    tipping_point_posts: int
    by_month: list[Month]
    top_posts: list[PostMetrics]


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole > 0 else 0.0


def passes_tipping_point(adopters: int, households: int) -> bool:
    return households > 0 and adopters > TIPPING_SHARE * households


def by_month(adoptions: Iterable[AdoptionFact]) -> list[Month]:
    """New adopting households per calendar month (a household counts in its first month)."""
    first: dict[uuid.UUID, datetime] = {}
    for adoption in adoptions:
        seen = first.get(adoption.household_id)
        if seen is None or adoption.adopted_at < seen:
            first[adoption.household_id] = adoption.adopted_at
    counts: dict[str, int] = {}
    for adopted_at in first.values():
        key = f"{adopted_at.year:04d}-{adopted_at.month:02d}"
        counts[key] = counts.get(key, 0) + 1
    months, total = [], 0
    for key in sorted(counts):
        total += counts[key]
        months.append(Month(month=key, adopters=counts[key], cumulative=total))
    return months


def post_metrics(post: PostFact, demonstration_households: int) -> PostMetrics:
    adopters = {adoption.household_id for adoption in post.adoptions}
    inside = {
        adoption.household_id
        for adoption in post.adoptions
        if adoption.demonstration_id == post.demonstration_id
    }
    bonding = [a for a in post.adoptions if a.friend_group_id == post.friend_group_id]
    bridging = [a for a in post.adoptions if a.friend_group_id != post.friend_group_id]
    first_bridging = min((a.adopted_at for a in bridging), default=None)
    return PostMetrics(
        post_id=post.id,
        adopters=len(adopters),
        adopters_in_demonstration=len(inside),
        demonstration_households=demonstration_households,
        share_reached=share(len(inside), demonstration_households),
        bonding_adoptions=len(bonding),
        bridging_adoptions=len(bridging),
        days_to_first_bridging=(
            round(max((first_bridging - post.posted_at).total_seconds(), 0) / 86400, 2)
            if first_bridging is not None
            else None
        ),
        tipping_point=passes_tipping_point(len(inside), demonstration_households),
        by_month=by_month(post.adoptions),
    )


def demonstration_metrics(
    demonstration_id: uuid.UUID, posts: Sequence[PostFact], households: int, *, top: int = 10
) -> DemonstrationMetrics:
    """Spread of the practices posted in one demonstration, among its own households."""
    per_post = [post_metrics(post, households) for post in posts]
    inside = [
        adoption
        for post in posts
        for adoption in post.adoptions
        if adoption.demonstration_id == demonstration_id
    ]
    adopting = {adoption.household_id for adoption in inside}
    ranked = sorted(per_post, key=lambda m: (-m.adopters, str(m.post_id)))
    return DemonstrationMetrics(
        posts=len(posts),
        households=households,
        adopting_households=len(adopting),
        share_reached=share(len(adopting), households),
        bonding_adoptions=sum(m.bonding_adoptions for m in per_post),
        bridging_adoptions=sum(m.bridging_adoptions for m in per_post),
        tipping_point_posts=sum(1 for m in per_post if m.tipping_point),
        by_month=by_month(inside),
        top_posts=ranked[:top],
    )
