"""Where the photos of practice posts are fetched: the URLs the post and the feed carry.

The feed's thumbnails are the same URLs as the full photos (no resizing); a phone shows them
small. Reading them is authorized by `photos.get_readable`, on the post's own visibility.
"""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from app.models.photo import Photo, photo_url


def post_photo_urls(session: Session, post_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The photo URLs of each post, oldest first."""
    urls: dict[uuid.UUID, list[str]] = {post_id: [] for post_id in post_ids}
    if not post_ids:
        return urls
    for post_id, photo_id in session.exec(
        select(Photo.practice_post_id, Photo.id)
        .where(col(Photo.practice_post_id).in_(post_ids))
        .order_by(col(Photo.created_at), col(Photo.id))
    ).all():
        if post_id is not None:
            urls[post_id].append(photo_url(photo_id))
    return urls
