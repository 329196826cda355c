"""The feed's ordering as pure functions, property-tested."""

import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.services import feed_ranking
from app.services.feed_ranking import Candidate, Viewer

GROUPS = [uuid.UUID(int=i) for i in range(1, 4)]
DEMONSTRATIONS = [uuid.UUID(int=i) for i in range(11, 13)]
BASE = datetime(2026, 6, 1, tzinfo=UTC)
VIEWER = Viewer(GROUPS[0], DEMONSTRATIONS[0], "US", "en")

candidates = st.builds(
    Candidate,
    id=st.uuids(),
    friend_group_id=st.sampled_from(GROUPS),
    demonstration_id=st.sampled_from(DEMONSTRATIONS),
    country=st.sampled_from(["US", "LR"]),
    language=st.sampled_from(["en", "es", "en-US"]),
    created_at=st.integers(0, 90 * 24 * 3600).map(lambda s: BASE + timedelta(seconds=s)),
    recent_adoptions=st.integers(0, 50),
)


@given(st.lists(candidates, max_size=30))
def test_tiers_never_interleave(posts: list[Candidate]) -> None:
    tiers = [feed_ranking.tier_of(VIEWER, post) for post in feed_ranking.rank(VIEWER, posts)]
    assert tiers == sorted(tiers)


@given(candidates, candidates)
def test_own_group_first_for_equal_freshness(mine: Candidate, other: Candidate) -> None:
    mine = Candidate(**{**vars(mine), "friend_group_id": VIEWER.friend_group_id})
    other = Candidate(
        **{
            **vars(other),
            "friend_group_id": GROUPS[1],
            "created_at": mine.created_at,
            "recent_adoptions": mine.recent_adoptions,
        }
    )
    assert feed_ranking.rank(VIEWER, [other, mine])[0] == mine


@given(candidates, st.integers(1, 50))
def test_spreading_lifts_within_a_tier(post: Candidate, adoptions: int) -> None:
    still = Candidate(**{**vars(post), "recent_adoptions": 0, "id": uuid.UUID(int=1)})
    spreading = Candidate(**{**vars(post), "recent_adoptions": adoptions, "id": uuid.UUID(int=2)})
    assert feed_ranking.rank(VIEWER, [still, spreading]) == [spreading, still]


@given(st.lists(candidates, max_size=30, unique_by=lambda c: c.id), st.integers(1, 7))
def test_paging_by_rank_key_neither_repeats_nor_skips(posts: list[Candidate], size: int) -> None:
    seen: list[Candidate] = []
    after = None
    while True:
        page = feed_ranking.rank(VIEWER, posts, after=after)[:size]
        if not page:
            break
        seen.extend(page)
        after = feed_ranking.rank_key(VIEWER, page[-1])
    assert seen == feed_ranking.rank(VIEWER, posts)
