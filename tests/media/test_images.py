"""The pure parts: recognising images from their bytes, and the content-addressed storage."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.photo import ImageType
from app.services import images
from app.services.storage import LocalPhotoStorage, PhotoMissing, content_key
from tests.media.world import jpeg, png, webp


def test_sniff_and_dimensions() -> None:
    assert images.sniff(jpeg()) is ImageType.JPEG
    assert images.sniff(png()) is ImageType.PNG
    assert images.sniff(webp()) is ImageType.WEBP
    assert images.dimensions(jpeg(640, 480), ImageType.JPEG) == (640, 480)
    assert images.dimensions(png(1024, 768), ImageType.PNG) == (1024, 768)
    assert images.dimensions(webp(300, 200), ImageType.WEBP) == (300, 200)
    assert images.dimensions(b"\xff\xd8\xff", ImageType.JPEG) is None
    assert images.dimensions(b"\x89PNG\r\n\x1a\n", ImageType.PNG) is None


@given(st.binary(max_size=64))
def test_dimensions_never_raise(data: bytes) -> None:
    for image_type in ImageType:
        images.dimensions(data, image_type)
        images.dimensions(jpeg()[:4] + data, image_type)


def test_local_storage_is_content_addressed(tmp_path: Path) -> None:
    storage = LocalPhotoStorage(tmp_path)
    key = storage.put(b"bytes")
    assert key == content_key(b"bytes")
    assert storage.put(b"bytes") == key
    assert storage.get(key) == b"bytes"
    assert storage.exists(key)
    assert [path.name for path in tmp_path.rglob("*") if path.is_file()] == [key]
    for bad in ("../../etc/passwd", "0" * 64, "ab"):
        with pytest.raises(PhotoMissing):
            storage.get(bad)
