"""Diffusion metrics for partner staff: load the facts, hand them to `diffusion_metrics`."""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from app.errors import Forbidden
from app.models.household import Household
from app.models.practice import (
    Adoption,
    DemonstrationDiffusion,
    MonthCount,
    PostDiffusion,
    PracticePost,
)
from app.services import demonstrations, diffusion_metrics, practices
from app.services.diffusion_metrics import AdoptionFact, PostFact, PostMetrics
from app.services.principal import Principal


def post_diffusion(session: Session, actor: Principal, post_id: uuid.UUID) -> PostDiffusion:
    _require_staff(actor)
    post = practices.get_post(session, actor, post_id)
    facts = _facts(session, [post])[0]
    households = _household_count(session, post.demonstration_id)
    return _post_public(diffusion_metrics.post_metrics(facts, households), post.demonstration_id)


def demonstration_diffusion(
    session: Session, actor: Principal, demonstration_id: uuid.UUID
) -> DemonstrationDiffusion:
    _require_staff(actor)
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    posts = session.exec(
        select(PracticePost).where(
            PracticePost.demonstration_id == demonstration.id,
            col(PracticePost.deleted_at).is_(None),
        )
    ).all()
    households = _household_count(session, demonstration.id)
    metrics = diffusion_metrics.demonstration_metrics(
        demonstration.id, _facts(session, posts), households
    )
    return DemonstrationDiffusion(
        demonstration_id=demonstration.id,
        posts=metrics.posts,
        households=metrics.households,
        adopting_households=metrics.adopting_households,
        share_reached=metrics.share_reached,
        bonding_adoptions=metrics.bonding_adoptions,
        bridging_adoptions=metrics.bridging_adoptions,
        tipping_point_posts=metrics.tipping_point_posts,
        by_month=[MonthCount(**vars(month)) for month in metrics.by_month],
        top_posts=[_post_public(m, demonstration.id) for m in metrics.top_posts],
    )


def _require_staff(actor: Principal) -> None:
    if not (actor.is_staff or actor.is_platform_admin):
        raise Forbidden("Diffusion metrics are for the partner's staff.")


def _facts(session: Session, posts: Sequence[PracticePost]) -> list[PostFact]:
    ids = [post.id for post in posts]
    adoptions: dict[uuid.UUID, list[AdoptionFact]] = {post_id: [] for post_id in ids}
    if ids:
        for adoption in session.exec(select(Adoption).where(col(Adoption.post_id).in_(ids))):
            adoptions[adoption.post_id].append(
                AdoptionFact(
                    household_id=adoption.household_id,
                    friend_group_id=adoption.friend_group_id,
                    demonstration_id=adoption.demonstration_id,
                    adopted_at=adoption.created_at,
                )
            )
    return [
        PostFact(
            id=post.id,
            friend_group_id=post.friend_group_id,
            demonstration_id=post.demonstration_id,
            posted_at=post.created_at,
            adoptions=tuple(adoptions[post.id]),
        )
        for post in posts
    ]


def _household_count(session: Session, demonstration_id: uuid.UUID) -> int:
    return session.exec(
        select(func.count()).where(Household.demonstration_id == demonstration_id)
    ).one()


def _post_public(metrics: PostMetrics, demonstration_id: uuid.UUID) -> PostDiffusion:
    values = vars(metrics) | {
        "demonstration_id": demonstration_id,
        "by_month": [MonthCount(**vars(month)) for month in metrics.by_month],
    }
    return PostDiffusion(**values)
