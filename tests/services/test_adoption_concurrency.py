"""N simultaneous adoptions of one post by one household leave exactly one row (PostgreSQL)."""

import threading
import uuid

from sqlalchemy import Engine
from sqlmodel import Session, func, select

from app.db import session_scope
from app.models.practice import Adoption, AdoptionChange
from app.models.user import Role
from app.services import adoptions
from app.services.principal import Principal
from tests.factories import make_organization
from tests.practice_factories import make_demonstration, make_group, make_household, make_post

THREADS = 8


def test_simultaneous_adoptions_make_one_row(committed_engine: Engine) -> None:
    with Session(committed_engine) as session:
        organization = make_organization(session)
        group = make_group(session, make_demonstration(session, organization))
        author, adopter = make_household(session, group), make_household(session, group)
        post_id, adopter_id = make_post(session, author).id, adopter.id
        session.commit()
    actor = Principal(uuid.uuid4(), Role.FAMILY, uuid.uuid4(), household_id=adopter_id)
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def adopt() -> None:
        try:
            barrier.wait()
            for session in session_scope(committed_engine):
                adoptions.record(session, actor, post_id, AdoptionChange())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=adopt) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Session(committed_engine) as session:
        count = session.exec(select(func.count()).where(Adoption.post_id == post_id)).one()
    assert count == 1
