"""The feed of one family: visible posts, ranked by `feed_ranking`, a page at a time.

Pagination is by snapshot: the first page fixes `as_of`, and the cursor carries it together
with the rank key of the last item shown. Every later page ranks the same snapshot — posts
created after `as_of` are left out and spreading is counted from adoptions up to `as_of` — so
pages neither repeat nor skip items while new posts and adoptions arrive. (A post deleted or
hidden meanwhile simply drops out.) A phone gets new posts by fetching the first page again,
cheaply with `If-None-Match`.

Candidate selection is one indexed query (group / demonstration / scope, each by created_at)
returning narrow rows; ranking them is pure Python. That is ample for programs of hundreds of
households; a world-wide feed at larger scale would page candidates by tier in SQL.
"""

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.practice import Adoption, FeedItem, PracticePost
from app.services import feed_ranking, photo_links, practices
from app.services.feed_ranking import Candidate, RankKey, Viewer
from app.services.pagination import InvalidCursor
from app.services.principal import Principal


class FeedScope(StrEnum):
    GROUP = "group"
    DEMONSTRATION = "demonstration"
    WORLD = "world"


@dataclass(frozen=True)
class FeedPage:
    items: list[FeedItem]
    next_cursor: str | None
    as_of: datetime
    etag: str | None
    """Only for the first page: what `If-None-Match` is compared with."""


def read_feed(
    session: Session,
    actor: Principal,
    scope: FeedScope,
    *,
    cursor: str | None,
    limit: int,
    now: datetime,
) -> FeedPage:
    household = practices.acting_household(session, actor)
    demonstration = session.get(Demonstration, household.demonstration_id)
    assert demonstration is not None
    viewer = Viewer(
        friend_group_id=household.friend_group_id,
        demonstration_id=household.demonstration_id,
        country=demonstration.country,
        language=household.preferred_language,
    )
    as_of, after = decode_feed_cursor(cursor) if cursor else (now, None)
    candidates = _candidates(session, household, viewer, scope, as_of, after)
    ranked = feed_ranking.rank(viewer, candidates, after=after)
    page, more = ranked[:limit], len(ranked) > limit
    items = _items(session, actor, viewer, page)
    next_cursor = (
        encode_feed_cursor(as_of, feed_ranking.rank_key(viewer, page[-1])) if more else None
    )
    etag = None if cursor else _etag(scope, items, next_cursor is not None)
    return FeedPage(items=items, next_cursor=next_cursor, as_of=as_of, etag=etag)


def encode_feed_cursor(as_of: datetime, key: RankKey) -> str:
    tier, negative_score, post_id = key
    raw = json.dumps([as_of.isoformat(), tier, negative_score, post_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_feed_cursor(cursor: str) -> tuple[datetime, RankKey]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        as_of, tier, negative_score, post_id = json.loads(raw)
        as_of_at = datetime.fromisoformat(as_of)
        if as_of_at.tzinfo is None:
            raise ValueError("naive")
        return as_of_at, (int(tier), float(negative_score), str(uuid.UUID(post_id)))
    except (ValueError, TypeError, OverflowError) as exc:
        raise InvalidCursor("This cursor is not one the server gave out.") from exc


def _candidates(
    session: Session,
    household: Household,
    viewer: Viewer,
    scope: FeedScope,
    as_of: datetime,
    after: RankKey | None,
) -> list[Candidate]:
    recent = (
        select(func.count())
        .where(
            Adoption.post_id == PracticePost.id,
            Adoption.created_at > as_of - feed_ranking.SPREAD_WINDOW,
            Adoption.created_at <= as_of,
        )
        .correlate(PracticePost)
        .scalar_subquery()
    )
    statement = (
        sa.select(
            col(PracticePost.id),
            col(PracticePost.friend_group_id),
            col(PracticePost.demonstration_id),
            col(Demonstration.country),
            col(PracticePost.language),
            col(PracticePost.created_at),
            recent,
        )
        .join(Demonstration, col(Demonstration.id) == PracticePost.demonstration_id)
        .where(practices.visible_to(household), col(PracticePost.created_at) <= as_of)
    )
    if scope is FeedScope.GROUP:
        statement = statement.where(col(PracticePost.friend_group_id) == household.friend_group_id)
    elif scope is FeedScope.DEMONSTRATION:
        statement = statement.where(
            col(PracticePost.demonstration_id) == household.demonstration_id
        )
    # Tiers already paged through need not be fetched again.
    if after is not None and after[0] > feed_ranking.OWN_GROUP:
        statement = statement.where(col(PracticePost.friend_group_id) != viewer.friend_group_id)
    if after is not None and after[0] > feed_ranking.OWN_DEMONSTRATION:
        statement = statement.where(col(PracticePost.demonstration_id) != viewer.demonstration_id)
    return [
        Candidate(
            id=row[0],
            friend_group_id=row[1],
            demonstration_id=row[2],
            country=row[3],
            language=row[4],
            created_at=row[5],
            recent_adoptions=int(row[6] or 0),
        )
        for row in session.execute(statement).all()
    ]


def _items(
    session: Session, actor: Principal, viewer: Viewer, page: list[Candidate]
) -> list[FeedItem]:
    if not page:
        return []
    ids = [candidate.id for candidate in page]
    posts = {
        post.id: post
        for post in session.exec(select(PracticePost).where(col(PracticePost.id).in_(ids))).all()
    }
    ordered = [posts[post_id] for post_id in ids]
    labels = practices.author_labels(session, actor, ordered)
    counts = practices.adoption_counts(session, ids)
    thumbnails = photo_links.post_photo_urls(session, ids)
    return [
        FeedItem(
            id=post.id,
            title=post.title,
            excerpt=practices.excerpt(post.text),
            categories=post.categories,  # type: ignore[arg-type]
            language=post.language,
            author_label=labels[post.id],
            closeness=feed_ranking.tier_of(viewer, candidate),
            adoption_count=counts.get(post.id, 0),
            thumbnail_urls=thumbnails[post.id],
            created_at=post.created_at,
            updated_at=post.updated_at,
        )
        for post, candidate in zip(ordered, page, strict=True)
    ]


def _etag(scope: FeedScope, items: list[FeedItem], more: bool) -> str:
    digest = hashlib.sha256(f"{scope}|{more}".encode())
    for item in items:
        digest.update(f"|{item.id}:{item.updated_at.isoformat()}:{item.adoption_count}".encode())
        digest.update(",".join(item.thumbnail_urls).encode())
    return f'W/"{digest.hexdigest()[:32]}"'
