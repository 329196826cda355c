"""The public showcase of Everyday Changemakers: what anyone may read, as JSON or HTML.

Only highlights that are public *now* (see `highlights.publicly_visible`); never names, phones
or addresses — a highlight shows its region, partner, story, the families' own stories it
links (their text only) and the practices it links.
Pages are rendered with the standard library (`string.Template` + `html.escape`).
"""

import hashlib
import uuid
from collections.abc import Sequence
from html import escape
from pathlib import Path
from string import Template

from sqlmodel import Session, func, select

from app.errors import NotFound
from app.models.highlight import Highlight, HighlightHousehold, PublicHighlight
from app.models.organization import Organization
from app.services import highlights
from app.services.pagination import paginate

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class PublicHighlightNotFound(NotFound):
    code = "highlight-not-found"


def list_public(
    session: Session, *, featured: bool | None, cursor: str | None, limit: int
) -> tuple[list[PublicHighlight], str | None]:
    statement = select(Highlight).where(highlights.publicly_visible())
    if featured is not None:
        statement = statement.where(Highlight.featured_internationally == featured)
    rows, next_cursor = paginate(
        session, statement, Highlight.published_at, Highlight.id, cursor=cursor, limit=limit
    )
    return describe(session, rows), next_cursor


def get_public(session: Session, highlight_id: uuid.UUID) -> PublicHighlight:
    highlight = session.exec(
        select(Highlight).where(Highlight.id == highlight_id, highlights.publicly_visible())
    ).first()
    if highlight is None:
        raise PublicHighlightNotFound("No such published highlight.")
    return describe(session, [highlight])[0]


def describe(session: Session, rows: Sequence[Highlight]) -> list[PublicHighlight]:
    result = []
    for highlight in rows:
        organization = session.get(Organization, highlight.organization_id)
        assert organization is not None
        families = session.exec(
            select(func.count()).where(HighlightHousehold.highlight_id == highlight.id)
        ).one()
        assert highlight.published_at is not None
        result.append(
            PublicHighlight(
                id=highlight.id,
                title=highlight.title,
                text=highlight.text,
                region=highlight.region,
                country=organization.country,
                partner_name=organization.name,
                featured_internationally=highlight.featured_internationally,
                families=families,
                practices=highlights.linked_posts(session, highlight.id),
                stories=highlights.linked_stories(session, highlight.id),
                published_at=highlight.published_at,
            )
        )
    return result


def etag(items: Sequence[PublicHighlight], next_cursor: str | None) -> str:
    digest = hashlib.sha256((next_cursor or "").encode())
    for item in items:
        digest.update(item.model_dump_json().encode())
    return f'W/"{digest.hexdigest()[:32]}"'


# HTML pages.


def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return "\n".join(f"<p>{escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def _practices(item: PublicHighlight) -> str:
    if not item.practices:
        return ""
    entries = "\n".join(
        f"<li>{escape(practice.title)}"
        + (
            f" <small>({escape(', '.join(practice.categories))})</small>"
            if practice.categories
            else ""
        )
        + "</li>"
        for practice in item.practices
    )
    return (
        '<section aria-labelledby="practices"><h2 id="practices">Practices</h2>'
        f"<ul>{entries}</ul></section>"
    )


def _stories(item: PublicHighlight) -> str:
    if not item.stories:
        return ""
    entries = "\n".join(
        f"<blockquote>{_paragraphs(story.text)}</blockquote>" for story in item.stories
    )
    return (
        '<section aria-labelledby="stories"><h2 id="stories">In their own words</h2>'
        f"{entries}</section>"
    )


def _families(count: int) -> str:
    return "1 family" if count == 1 else f"{count} families"


def render_list(items: Sequence[PublicHighlight], next_cursor: str | None) -> str:
    if items:
        cards = "\n".join(
            _template("highlight_card.html").substitute(
                id=item.id,
                title=escape(item.title),
                region=escape(item.region),
                country=escape(item.country),
                partner=escape(item.partner_name),
                families=_families(item.families),
                date=item.published_at.date().isoformat(),
                featured='<span class="badge">Featured</span>'
                if item.featured_internationally
                else "",
                excerpt=escape(item.text[:240] + ("…" if len(item.text) > 240 else "")),
            )
            for item in items
        )
        body = f'<ul class="cards" aria-label="Highlights">{cards}</ul>'
    else:
        body = "<p>No stories are published yet. Please come back soon.</p>"
    more = (
        f'<nav aria-label="More"><a rel="next" href="/changemakers?cursor={escape(next_cursor)}">'
        "More stories</a></nav>"
        if next_cursor
        else ""
    )
    return _page("Everyday Changemakers", f"<h1>Everyday Changemakers</h1>{body}{more}")


def render_one(item: PublicHighlight) -> str:
    content = _template("highlight.html").substitute(
        title=escape(item.title),
        region=escape(item.region),
        country=escape(item.country),
        partner=escape(item.partner_name),
        families=_families(item.families),
        date=item.published_at.date().isoformat(),
        story=_paragraphs(item.text) + _stories(item),
        practices=_practices(item),
    )
    return _page(f"{item.title} — Everyday Changemakers", content)


def render_not_found() -> str:
    return _page(
        "Not found — Everyday Changemakers",
        '<h1>This story is not available</h1><p><a href="/changemakers">All stories</a></p>',
    )


def _page(title: str, content: str) -> str:
    return _template("page.html").substitute(title=escape(title), content=content)
