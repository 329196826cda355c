"""A world for story and photo tests: a household with a peer in its friend group, a peer in
another group of its demonstration, a family of another partner, the partner's staff (one
liaison not assigned), and image bytes of each accepted type."""

import struct
import uuid
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.models.consent import ConsentPurpose
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.user import Role
from tests.factories import SignedIn, make_family_member, make_household, make_user, sign_in
from tests.practice_factories import set_consent
from tests.surveys.world import ENROLLED_DAYS_AGO, SurveyWorld, month

__all__ = ["ENROLLED_DAYS_AGO", "MediaWorld", "jpeg", "month", "png", "story_body", "webp"]


@dataclass
class MediaWorld:
    base: SurveyWorld
    group_peer: SignedIn
    demonstration_peer: SignedIn
    demonstration_peer_household: Household
    unassigned_liaison: SignedIn

    @property
    def family(self) -> SignedIn:
        return self.base.family

    @property
    def household(self) -> Household:
        return self.base.household

    def consent(self, db: Session, purpose: ConsentPurpose, granted: bool = True) -> None:
        set_consent(db, self.household, purpose, granted)
        db.flush()


def make_media_world(db: Session, settings: Settings, base: SurveyWorld) -> MediaWorld:
    group = db.get(FriendGroup, base.household.friend_group_id)
    assert group is not None
    peer_household = make_household(
        db, base.demonstration, friend_group=group, created_at=base.household.created_at
    )
    other_group_household = make_household(
        db, base.demonstration, created_at=base.household.created_at
    )
    liaison = make_user(db, Role.LIAISON, organization_id=base.actors.organization.id)
    return MediaWorld(
        base=base,
        group_peer=make_family_member(db, settings, peer_household),
        demonstration_peer=make_family_member(db, settings, other_group_household),
        demonstration_peer_household=other_group_household,
        unassigned_liaison=sign_in(db, settings, liaison),
    )


def story_body(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "client_story_id": str(uuid.uuid4()),
        "period": month(1),
        "text": "We started a savings circle with five friends.",
        "visibility": "group",
    }
    return values | overrides


def png(width: int = 3, height: int = 2) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + b"IHDR"
        + ihdr
        + b"\x00\x00\x00\x00"
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def jpeg(width: int = 4, height: int = 5) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp(width: int = 6, height: int = 7) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    payload = b"\x2f" + bits.to_bytes(4, "little") + b"\x00" * 8
    chunk = b"VP8L" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def upload(
    client: TestClient,
    url: str,
    who: SignedIn,
    data: bytes,
    *,
    name: str = "photo.jpg",
    content_type: str = "image/jpeg",
    form: dict[str, str] | None = None,
) -> Any:
    return client.post(
        url, headers=who.headers, files={"file": (name, data, content_type)}, data=form or {}
    )
