"""Schemathesis over every operation of the contract, in process and signed in (as a platform
admin, who reaches every staff route, and as a family member, who reaches the `/v1/me` routes
the mobile app lives on): no server errors, no response that breaks the declared schema. It
grows with every new route.

All default checks run, with one narrowed: `positive_data_acceptance` fails on any 4xx to
schema-valid data, but some rules cannot be written in a JSON schema (a phone number that
exists, an email domain that can receive mail, a month not in the future). Those answer 422
with their own problem `code`, or as a `value_error` of a field; any other rejection — the
parser refusing what the contract allows (type, length, pattern, bounds) — is a failure.
"""

import itertools
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import Connection

from app.db import session_scope
from app.deps import get_session
from app.models.user import Role
from tests.factories import (
    make_demonstration,
    make_family_member,
    make_household,
    make_organization,
    make_user,
    sign_in,
)

schema = schemathesis.pytest.from_fixture("api_schema")
# A family member per generated case: more than the factory's 10,000 phone numbers per test.
_PHONES = (f"+1202{number:07d}" for number in itertools.count())


class ContractStricterThanParser(AssertionError):
    pass


def schema_valid_data_passes_the_parser(ctx, response, case) -> None:  # type: ignore[no-untyped-def]
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return
    body = response.json()
    structural = [e for e in body.get("errors") or [] if e["type"] != "value_error"]
    if body.get("code") == "validation-error" and structural:
        raise ContractStricterThanParser(f"schema-valid request rejected by the parser: {body}")


@pytest.fixture
def api_schema(app: FastAPI, connection: Connection) -> Iterator[schemathesis.BaseSchema]:
    def session_in_test_transaction():  # type: ignore[no-untyped-def]
        yield from session_scope(connection, join_transaction_mode="create_savepoint")

    app.dependency_overrides[get_session] = session_in_test_transaction
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.dependency_overrides.clear()


def _call(case, headers) -> None:  # type: ignore[no-untyped-def]
    # A case that breaks the headers on purpose (e.g. drops Authorization) is sent as generated.
    breaks_headers = case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER)
    case.call_and_validate(
        headers=None if breaks_headers else headers,
        excluded_checks=[positive_data_acceptance],
        additional_checks=[schema_valid_data_passes_the_parser],
    )


@schema.parametrize()
@settings(max_examples=12)  # ~100 operations, two callers, on 2 databases must fit in CI
def test_api_conforms_to_its_contract(case, db, test_settings) -> None:  # type: ignore[no-untyped-def]
    # A fresh session per case: a generated call to logout must not sign out the next case.
    admin = sign_in(db, test_settings, make_user(db, Role.PLATFORM_ADMIN))
    db.flush()
    _call(case, admin.headers)


@schema.parametrize()
@settings(max_examples=12)
def test_api_conforms_to_its_contract_for_a_family(case, db, test_settings) -> None:  # type: ignore[no-untyped-def]
    demonstration = make_demonstration(db, make_organization(db))
    household = make_household(db, demonstration)
    member = make_family_member(db, test_settings, household, phone=next(_PHONES))
    db.flush()
    _call(case, member.headers)
