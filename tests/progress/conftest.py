import pytest
from sqlmodel import Session

from app.config import Settings
from tests.factories import Actors
from tests.surveys.world import SurveyWorld, make_survey_world


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> SurveyWorld:
    return make_survey_world(db, test_settings, actors)
