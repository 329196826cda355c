"""Feed visibility as a property: whatever the memberships, scopes and consents, a household
sees exactly the posts a plain-Python reading of the rules allows — and after any consent
change, at once."""

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.practice import PracticePost, PracticeScope
from app.models.user import Role
from app.services import feed, practices
from app.services.feed import FeedScope
from app.services.principal import Principal
from tests.factories import make_organization
from tests.practice_factories import (
    make_demonstration,
    make_group,
    make_household,
    make_post,
    set_consent,
)

GROUP_DEMONSTRATION = [0, 0, 1]  # groups 0 and 1 in demonstration 0, group 2 in demonstration 1

worlds = st.fixed_dictionaries(
    {
        "households": st.lists(st.integers(0, 2), min_size=2, max_size=5),
        # per household: consent history for share_beyond_group (empty = never asked)
        "consents": st.lists(st.lists(st.booleans(), max_size=2), min_size=5, max_size=5),
        "posts": st.lists(
            st.tuples(st.integers(0, 4), st.sampled_from(list(PracticeScope)), st.booleans()),
            max_size=8,
        ),
    }
)


def may_see(viewer: dict, author: dict, scope: PracticeScope, consents: bool) -> bool:
    if viewer["group"] == author["group"]:
        return True
    if not consents:
        return False
    if scope is PracticeScope.WORLD:
        return True
    return scope is PracticeScope.DEMONSTRATION and viewer["demo"] == author["demo"]


@settings(max_examples=30)
@given(world=worlds)
def test_a_household_sees_only_what_it_may(db: Session, world: dict) -> None:
    savepoint = db.begin_nested()
    try:
        organization = make_organization(db)
        demos = [make_demonstration(db, organization) for _ in range(2)]
        groups = [make_group(db, demos[d]) for d in GROUP_DEMONSTRATION]
        households = [make_household(db, groups[g]) for g in world["households"]]
        facts = [
            {"group": g, "demo": GROUP_DEMONSTRATION[g], "consents": False}
            for g in world["households"]
        ]
        for index, household in enumerate(households):
            for granted in world["consents"][index]:
                set_consent(db, household, ConsentPurpose.SHARE_BEYOND_GROUP, granted)
                facts[index]["consents"] = granted
        expected: dict[int, set[uuid.UUID]] = {i: set() for i in range(len(households))}
        for author_index, scope, deleted in world["posts"]:
            author_index %= len(households)
            post = make_post(
                db, households[author_index], scope=scope, deleted_at=utcnow() if deleted else None
            )
            for viewer_index in expected:
                if not deleted and may_see(
                    facts[viewer_index],
                    facts[author_index],
                    scope,
                    facts[author_index]["consents"],
                ):
                    expected[viewer_index].add(post.id)
        for index, household in enumerate(households):
            actor = Principal(uuid.uuid4(), Role.FAMILY, uuid.uuid4(), household_id=household.id)
            page = feed.read_feed(db, actor, FeedScope.WORLD, cursor=None, limit=200, now=utcnow())
            assert {item.id for item in page.items} == expected[index]
            for post_id in expected[index]:
                try:
                    practices.visible_post_for(db, post_id, household.id)
                    by_other = True
                except practices.PostNotFound:
                    by_other = False
                assert by_other == (db.get(PracticePost, post_id).household_id != household.id)
    finally:
        savepoint.rollback()
