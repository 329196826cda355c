import pytest
from sqlmodel import Session

from app.config import Settings
from tests.factories import Actors
from tests.media.world import MediaWorld, make_media_world
from tests.surveys.world import make_survey_world


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> MediaWorld:
    return make_media_world(db, test_settings, make_survey_world(db, test_settings, actors))
