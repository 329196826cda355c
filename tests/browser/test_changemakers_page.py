"""The public /changemakers pages in a real headless Chromium (driven by Playwright): the list
renders, a highlight opens, and one whose consent is withdrawn disappears on reload.

Needs Debian's `chromium` at /usr/bin/chromium and the `playwright` Python package; the
browser Playwright would download is never used.
"""

import importlib.util
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlmodel import Session

from app import migrations
from app.config import Settings
from app.db import build_engine
from app.main import create_app
from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.highlight import ConsentAnswer, Highlight, HighlightHousehold, HighlightStatus
from app.models.household import Household
from app.models.user import Role, User
from app.services import consent, households
from app.services.principal import Principal
from tests.factories import make_organization, make_user
from tests.practice_factories import (
    make_demonstration,
    make_group,
    make_household,
    make_post,
    set_consent,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="needs the playwright package"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Settings]]:
    settings = Settings(
        DATABASE_URL=f"sqlite:///{tmp_path / 'browser.db'}",
        secret_key="browser-test-secret-key-long-enough-for-hs256",
        data_dir=tmp_path,
    )
    engine = build_engine(settings)
    with engine.begin() as connection:
        migrations.upgrade(connection=connection)
    engine.dispose()
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", settings
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


def _publish(settings: Settings, title: str) -> tuple[uuid.UUID, uuid.UUID]:
    engine = build_engine(settings)
    with Session(engine) as session:
        organization = make_organization(session, name="Harbour Families")
        group = make_group(session, make_demonstration(session, organization))
        household = make_household(session, group, label="Kollie")
        set_consent(session, household, ConsentPurpose.PUBLIC_FEATURE, True)
        post = make_post(session, household, title="Savings circle of five")
        highlight = Highlight(
            organization_id=organization.id,
            demonstration_id=group.demonstration_id,
            title=title,
            text="It started at a kitchen table.",
            region="West Point",
            status=HighlightStatus.PUBLISHED,
            published_at=utcnow(),
        )
        session.add(highlight)
        session.flush()
        session.add(
            HighlightHousehold(
                highlight_id=highlight.id,
                household_id=household.id,
                answer=ConsentAnswer.CONSENTED,
                answered_at=utcnow(),
            )
        )
        del post
        user = make_user(session, Role.FAMILY, household_id=household.id)
        session.commit()
        ids = highlight.id, user.id
    engine.dispose()
    return ids


def _withdraw(settings: Settings, user_id: uuid.UUID) -> None:
    """The family withdraws `public_feature` consent, through the consent service."""
    engine = build_engine(settings)
    with Session(engine) as session:
        user = session.get(User, user_id)
        assert user is not None and user.household_id is not None
        household = session.get(Household, user.household_id)
        assert household is not None
        family = Principal(user.id, Role.FAMILY, uuid.uuid4(), household_id=household.id)
        consent.record_consent(
            session,
            family,
            household.id,
            households.organization_of(session, household),
            ConsentPurpose.PUBLIC_FEATURE,
            False,
        )
        session.commit()
    engine.dispose()


def test_list_opens_and_withdrawn_highlight_disappears(server: tuple[str, Settings]) -> None:
    from playwright.sync_api import sync_playwright

    base_url, settings = server
    highlight_id, user_id = _publish(settings, "Five friends, one savings circle")
    _publish(settings, "A bakery on the corner")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 720})  # a phone
            page.goto(f"{base_url}/changemakers")
            assert page.locator("html").get_attribute("lang") == "en"
            assert page.get_by_role("heading", level=1).inner_text() == "Everyday Changemakers"
            links = page.get_by_role("link", name="Five friends, one savings circle")
            assert links.count() == 1
            assert page.get_by_role("link", name="A bakery on the corner").count() == 1
            links.click()
            page.wait_for_url(f"**/changemakers/{highlight_id}")
            assert "Five friends" in page.get_by_role("heading", level=1).inner_text()
            body = page.locator("main").inner_text()
            assert "Harbour Families" in body and "West Point" in body
            assert "Kollie" not in body  # no member or household names
            _withdraw(settings, user_id)
            response = page.reload()
            assert response is not None and response.status == 404
            page.goto(f"{base_url}/changemakers")
            page.reload()  # the list may be cached for a minute (max-age=60); reload revalidates
            assert page.get_by_role("link", name="Five friends, one savings circle").count() == 0
            assert page.get_by_role("link", name="A bakery on the corner").count() == 1
        finally:
            browser.close()
