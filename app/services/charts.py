"""Small hand-written SVG line charts a cheap phone can show as an image. Pure: no I/O."""

from collections.abc import Sequence
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 28, 34


def _format(value: float, money: bool) -> str:
    if money:
        return f"{value / 100:,.0f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def line_chart(
    title: str,
    description: str,
    points: Sequence[tuple[str, float | None]],
    *,
    money: bool = False,
    empty_text: str = "No data yet",
    gap_text: str = "",
) -> str:
    """An SVG line chart of (x label, value) points; a None value is a gap (e.g. suppressed)."""
    values = [v for _, v in points if v is not None]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="t d" '
        'font-family="sans-serif" font-size="11">',
        f'<title id="t">{escape(title)}</title>',
        f'<desc id="d">{escape(description)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{LEFT}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    if not values:
        middle = f'x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle"'
        parts.append(f"<text {middle}>{escape(empty_text)}</text>")
        return "".join(parts) + "</svg>"
    low, high = min(0.0, min(values)), max(values)
    if high == low:
        high = low + 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(points) - 1)

    def y(value: float) -> float:
        return round(TOP + plot_h - (value - low) / (high - low) * plot_h, 1)

    parts.append(
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#999"/>'
    )
    for tick in (low, high):
        parts.append(
            f'<text x="{LEFT - 4}" y="{y(tick) + 4}" text-anchor="end">'
            f"{escape(_format(tick, money))}</text>"
        )
    segment: list[str] = []
    segments: list[list[str]] = []
    for index, (label, value) in enumerate(points):
        x = round(LEFT + index * step, 1)
        if index in (0, len(points) - 1) or len(points) <= 6:
            parts.append(
                f'<text x="{x}" y="{HEIGHT - 12}" text-anchor="middle">{escape(label)}</text>'
            )
        if value is None:
            if segment:
                segments.append(segment)
            segment = []
            continue
        segment.append(f"{x},{y(value)}")
        parts.append(f'<circle cx="{x}" cy="{y(value)}" r="2.5" fill="#1f6feb"/>')
    if segment:
        segments.append(segment)
    for line in segments:
        parts.append(
            f'<polyline points="{" ".join(line)}" fill="none" stroke="#1f6feb" stroke-width="2"/>'
        )
    if gap_text and any(v is None for _, v in points):
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="16" text-anchor="end">{escape(gap_text)}</text>'
        )
    return "".join(parts) + "</svg>"
