"""What an uploaded file really is, from its first bytes — never from its name or the
Content-Type the phone claims — and its pixel size when the header says so plainly.

Pure functions over bytes, no imaging library: only JPEG, PNG and WebP are accepted.
"""

import struct

from app.models.photo import ImageType

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
MAX_DIMENSION = 1_000_000
# JPEG start-of-frame markers carry the size (not DHT C4, JPG C8, DAC CC).
_JPEG_SOF = frozenset(
    {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
)


def sniff(data: bytes) -> ImageType | None:
    """The image type the magic bytes say, or None for anything else."""
    if data.startswith(JPEG_SIGNATURE):
        return ImageType.JPEG
    if data.startswith(PNG_SIGNATURE):
        return ImageType.PNG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ImageType.WEBP
    return None


def dimensions(data: bytes, image_type: ImageType) -> tuple[int, int] | None:
    """(width, height) when the header states them plainly; None otherwise. Never raises."""
    try:
        size = {
            ImageType.PNG: _png,
            ImageType.JPEG: _jpeg,
            ImageType.WEBP: _webp,
        }[image_type](data)
    except (struct.error, IndexError, ValueError):
        return None
    if size is None or not all(0 < side <= MAX_DIMENSION for side in size):
        return None
    return size


def _png(data: bytes) -> tuple[int, int] | None:
    if data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data begins: no frame header before it
            return None
        index += 2 + length
    return None


def _webp(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            return None
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        if data[20] != 0x2F:
            return None
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None
