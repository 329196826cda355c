"""Diffusion metrics as pure functions, property-tested."""

import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.services import diffusion_metrics
from app.services.diffusion_metrics import AdoptionFact, PostFact

ORIGIN_GROUP, ORIGIN_DEMONSTRATION = uuid.UUID(int=1), uuid.UUID(int=100)
POSTED = datetime(2026, 1, 15, tzinfo=UTC)

adoptions = st.builds(
    AdoptionFact,
    household_id=st.integers(1, 40).map(lambda i: uuid.UUID(int=1000 + i)),
    friend_group_id=st.sampled_from([ORIGIN_GROUP, uuid.UUID(int=2), uuid.UUID(int=3)]),
    demonstration_id=st.sampled_from([ORIGIN_DEMONSTRATION, uuid.UUID(int=101)]),
    adopted_at=st.integers(0, 400).map(lambda d: POSTED + timedelta(days=d)),
)


def post_with(facts: list[AdoptionFact]) -> PostFact:
    # one adoption per household, as the database guarantees
    unique = list({fact.household_id: fact for fact in facts}.values())
    return PostFact(uuid.uuid4(), ORIGIN_GROUP, ORIGIN_DEMONSTRATION, POSTED, tuple(unique))


@given(st.lists(adoptions, max_size=40), st.integers(0, 200))
def test_counts_add_up(facts: list[AdoptionFact], households: int) -> None:
    post = post_with(facts)
    metrics = diffusion_metrics.post_metrics(post, households)
    assert metrics.bonding_adoptions + metrics.bridging_adoptions == len(post.adoptions)
    assert metrics.adopters == len(post.adoptions)
    assert (metrics.by_month[-1].cumulative if metrics.by_month else 0) == metrics.adopters
    assert [m.month for m in metrics.by_month] == sorted({m.month for m in metrics.by_month})
    assert metrics.tipping_point == (
        households > 0 and metrics.adopters_in_demonstration > 0.16 * households
    )
    if metrics.bridging_adoptions:
        assert metrics.days_to_first_bridging is not None and metrics.days_to_first_bridging >= 0
    else:
        assert metrics.days_to_first_bridging is None


def test_tipping_point_is_strictly_above_sixteen_percent() -> None:
    assert not diffusion_metrics.passes_tipping_point(16, 100)
    assert diffusion_metrics.passes_tipping_point(17, 100)
    assert not diffusion_metrics.passes_tipping_point(3, 0)


@given(st.lists(st.lists(adoptions, max_size=10), max_size=5), st.integers(1, 100))
def test_demonstration_reach_counts_households_once(
    per_post: list[list[AdoptionFact]], households: int
) -> None:
    posts = [post_with(facts) for facts in per_post]
    metrics = diffusion_metrics.demonstration_metrics(ORIGIN_DEMONSTRATION, posts, households)
    inside = {
        a.household_id
        for p in posts
        for a in p.adoptions
        if a.demonstration_id == ORIGIN_DEMONSTRATION
    }
    assert metrics.adopting_households == len(inside)
    assert metrics.posts == len(posts)
    assert len(metrics.top_posts) <= 10
