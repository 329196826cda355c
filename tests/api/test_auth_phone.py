"""Families sign in with their phone and a one-time code sent by SMS."""

import hashlib
import logging
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlmodel import Session, select

from app.config import Settings
from app.deps import get_clock
from app.errors import PROBLEM_MEDIA_TYPE
from app.middleware import JsonLogFormatter
from app.models.auth import OneTimeCode, RateLimitCounter
from app.models.base import utcnow
from app.models.user import Role, User
from app.services import auth, security
from app.services.auth import Clocked
from app.services.sms import OutboxSmsSender
from tests.factories import make_user

PHONE = "+442079460123"  # a UK number reserved for drama: valid, never anyone's
CODE = re.compile(r"\b(\d{6,})\b")


def request_code(client, phone: str = PHONE):  # type: ignore[no-untyped-def]
    return client.post("/v1/auth/phone/code", json={"phone": phone})


def sent_code(outbox: OutboxSmsSender, phone: str = PHONE) -> str:
    message = outbox.last_to(phone)
    assert message is not None, f"no SMS to {phone}"
    match = CODE.search(message.text)
    assert match is not None, message.text
    return match.group(1)


def verify(client, code: str, phone: str = PHONE):  # type: ignore[no-untyped-def]
    return client.post("/v1/auth/phone/verify", json={"phone": phone, "code": code})


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10 ** len(code):0{len(code)}d}"


def assert_problem(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body["code"] == code
    assert body["status"] == status
    return body


def counter(db: Session, settings: Settings, kind: str, subject: str) -> int:
    key = f"{kind}:{security.keyed_hash(settings.signing_key, subject)[:32]}"
    db.expire_all()
    counts = db.exec(select(RateLimitCounter.count).where(RateLimitCounter.key == key)).all()
    return sum(counts)


@pytest.fixture
def frozen(app: FastAPI, client, test_settings: Settings) -> Clocked:  # type: ignore[no-untyped-def]
    """Every request sees the same instant, so rate windows cannot roll over mid-test."""
    clock = Clocked(test_settings, utcnow().replace(microsecond=0))
    app.dependency_overrides[get_clock] = lambda: clock
    return clock


def test_sign_in_with_a_phone_and_its_code(client, outbox) -> None:
    response = request_code(client)
    assert response.status_code == 202, response.text
    assert response.json()["expires_in"] == 600
    code = sent_code(outbox)
    assert len(code) >= 6

    response = verify(client, code)
    assert response.status_code == 200, response.text
    tokens = response.json()
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] > 0 and tokens["refresh_expires_in"] > tokens["expires_in"]

    me = client.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.status_code == 200, me.text
    assert me.json()["role"] == "family"
    assert me.json()["phone"] == PHONE
    assert me.json()["organization_id"] is None


def test_a_known_family_signs_in_to_its_own_account(client, outbox, db) -> None:
    family = make_user(db, Role.FAMILY, phone=PHONE)
    request_code(client)
    tokens = verify(client, sent_code(outbox)).json()
    me = client.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.json()["id"] == str(family.id)


def test_signing_in_twice_keeps_one_account(client, outbox, db) -> None:
    for _ in range(2):
        request_code(client)
        assert verify(client, sent_code(outbox)).status_code == 200
    db.expire_all()
    assert len(db.exec(select(User).where(User.phone == PHONE)).all()) == 1


@pytest.mark.parametrize(
    "national", ["(415) 555-0100", "415 555 0100", "415.555.0100", "4155550100", "1 415 555 0100"]
)
def test_a_national_number_is_read_in_the_default_region(client, outbox, national: str) -> None:
    assert request_code(client, national).status_code == 202
    assert outbox.last_to("+14155550100") is not None
    code = sent_code(outbox, "+14155550100")
    # The same phone written another way signs in with that code.
    assert verify(client, code, "+1 415-555-0100").status_code == 200


@pytest.mark.parametrize("phone", ["12345", "+1 415 555", "+999 1234567", "000000000000", "+()"])
def test_an_invalid_number_is_a_422_invalid_phone(client, outbox, phone: str) -> None:
    assert_problem(request_code(client, phone), 422, "invalid-phone")
    assert_problem(verify(client, "123456", phone), 422, "invalid-phone")
    assert outbox.sent == []


def test_the_answer_is_the_same_for_known_and_unknown_phones(client, outbox, db) -> None:
    known = make_user(db, Role.FAMILY, phone="+442079460001").phone
    unknown = "+442079460002"
    known_response = request_code(client, known)
    unknown_response = request_code(client, unknown)
    assert known_response.status_code == unknown_response.status_code == 202
    assert known_response.json() == unknown_response.json()
    assert known_response.headers.keys() == unknown_response.headers.keys()
    assert outbox.last_to(known) is not None and outbox.last_to(unknown) is not None
    # And a wrong code is refused the same way for both.
    known_wrong = verify(client, wrong(sent_code(outbox, known)), known)
    unknown_wrong = verify(client, wrong(sent_code(outbox, unknown)), unknown)
    assert known_wrong.status_code == unknown_wrong.status_code == 401
    assert known_wrong.json() == unknown_wrong.json()


def test_a_wrong_code_is_a_401_invalid_code(client, outbox) -> None:
    request_code(client)
    response = verify(client, wrong(sent_code(outbox)))
    assert_problem(response, 401, "invalid-code")
    assert response.headers["www-authenticate"] == "Bearer"


def test_verifying_without_asking_for_a_code_is_a_401(client) -> None:
    assert_problem(verify(client, "123456"), 401, "invalid-code")


def test_four_wrong_tries_leave_the_code_usable(client, outbox, test_settings) -> None:
    request_code(client)
    code = sent_code(outbox)
    for _ in range(test_settings.otp_max_attempts - 1):
        assert_problem(verify(client, wrong(code)), 401, "invalid-code")
    assert verify(client, code).status_code == 200


def test_the_code_dies_after_five_wrong_tries_even_if_the_right_one_follows(
    client, outbox, db, test_settings
) -> None:
    assert test_settings.otp_max_attempts == 5
    request_code(client)
    code = sent_code(outbox)
    for _ in range(5):
        assert_problem(verify(client, wrong(code)), 401, "invalid-code")
    assert_problem(verify(client, code), 401, "invalid-code")

    db.expire_all()
    stored = db.exec(select(OneTimeCode).where(OneTimeCode.phone == PHONE)).one()
    assert stored.failed_attempts == 5  # the failed tries were kept although each request failed
    assert stored.consumed_at is not None


def test_a_code_works_once(client, outbox) -> None:
    request_code(client)
    code = sent_code(outbox)
    assert verify(client, code).status_code == 200
    assert_problem(verify(client, code), 401, "invalid-code")


def test_an_expired_code_is_refused(client, outbox, db) -> None:
    request_code(client)
    code = sent_code(outbox)
    stored = db.exec(select(OneTimeCode).where(OneTimeCode.phone == PHONE)).one()
    stored.expires_at = utcnow() - timedelta(seconds=1)
    db.add(stored)
    db.flush()
    assert_problem(verify(client, code), 401, "invalid-code")


def test_a_code_expires_after_its_lifetime(db, test_settings) -> None:
    sender = OutboxSmsSender()
    sent_at = utcnow()
    auth.request_code(db, Clocked(test_settings, sent_at), sender, PHONE, "198.51.100.7")
    code = sent_code(sender)
    lifetime = timedelta(minutes=test_settings.otp_minutes)

    with pytest.raises(auth.InvalidCode), db.begin_nested():
        auth.verify_code(db, Clocked(test_settings, sent_at + lifetime), PHONE, code)
    tokens = auth.verify_code(
        db, Clocked(test_settings, sent_at + lifetime - timedelta(seconds=1)), PHONE, code
    )
    assert tokens.access_token


def test_asking_for_a_new_code_invalidates_the_previous_one(client, outbox) -> None:
    request_code(client)
    first = sent_code(outbox)
    second = first
    while second == first:  # two random codes can coincide, one time in a million
        request_code(client)
        second = sent_code(outbox)
    assert_problem(verify(client, first), 401, "invalid-code")
    assert verify(client, second).status_code == 200


def test_the_stored_code_is_hashed(client, outbox, db, frozen) -> None:
    request_code(client)
    code = sent_code(outbox)
    db.expire_all()
    rows = db.execute(sa.select(OneTimeCode.__table__)).mappings().all()  # type: ignore[attr-defined]
    assert len(rows) == 1
    row = rows[0]
    assert all(code not in str(value) for value in row.values())
    assert re.fullmatch(r"[0-9a-f]{64}", row["code_hash"])
    # Keyed, not a bare digest: a million possible codes would be reversed in a second.
    assert row["code_hash"] != hashlib.sha256(code.encode()).hexdigest()


def test_the_sixth_code_for_one_phone_in_the_window_is_a_429(
    client, outbox, db, test_settings, frozen
) -> None:
    limit = test_settings.otp_sends_per_window
    assert limit == 5
    for _ in range(limit):
        assert request_code(client).status_code == 202
    response = request_code(client)
    body = assert_problem(response, 429, "rate-limited")
    assert body["detail"]
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= test_settings.rate_window_minutes * 60
    assert len(outbox.sent) == limit  # no SMS for the refused request

    # The refused request counted too, although its transaction failed.
    assert counter(db, test_settings, "otp-send-phone", PHONE) == limit + 1
    assert_problem(request_code(client), 429, "rate-limited")
    assert counter(db, test_settings, "otp-send-phone", PHONE) == limit + 2

    # Other phones are not held back by this one.
    assert request_code(client, "+442079460999").status_code == 202


def test_the_limit_holds_for_the_phone_however_it_is_written(client, frozen) -> None:
    for spelling in [
        "+1 415 555 0100",
        "(415) 555-0100",
        "4155550100",
        "+14155550100",
        "415.555.0100",
    ]:
        assert request_code(client, spelling).status_code == 202
    assert_problem(request_code(client, "1-415-555-0100"), 429, "rate-limited")


def test_the_limit_reopens_in_the_next_window(client, app, test_settings, frozen) -> None:
    for _ in range(test_settings.otp_sends_per_window):
        request_code(client)
    assert_problem(request_code(client), 429, "rate-limited")
    later = Clocked(test_settings, frozen.now + frozen.window)
    app.dependency_overrides[get_clock] = lambda: later
    assert request_code(client).status_code == 202


def test_one_client_address_is_limited_across_many_phones(
    client, outbox, db, test_settings, frozen
) -> None:
    limit = test_settings.otp_sends_per_address
    phones = [f"+44207946{number:04d}" for number in range(limit + 1)]
    for phone in phones[:limit]:
        assert request_code(client, phone).status_code == 202
    response = request_code(client, phones[limit])
    assert_problem(response, 429, "rate-limited")
    assert int(response.headers["retry-after"]) >= 1
    assert outbox.last_to(phones[limit]) is None
    assert counter(db, test_settings, "otp-send-address", "testclient") == limit + 1


def test_codes_and_phones_stay_out_of_the_access_log(client, outbox, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    request_code(client)
    code = sent_code(outbox)
    tokens = verify(client, code).json()
    verify(client, wrong(code))
    client.post("/v1/auth/phone/code", json={"phone": "(415) 555-0100"})

    access = [record for record in caplog.records if record.name == "mutuality.access"]
    assert len(access) == 4
    assert {record.path for record in access} == {  # type: ignore[attr-defined]
        "/v1/auth/phone/code",
        "/v1/auth/phone/verify",
    }
    sensitive = [
        code,
        PHONE,
        PHONE[1:],
        "2079460123",
        "4155550100",
        "555-0100",
        tokens["access_token"],
        tokens["refresh_token"],
    ]
    formatter = JsonLogFormatter()  # what production writes: the message and every extra field
    for record in caplog.records:
        if record.name.startswith("mutuality"):
            line = formatter.format(record)
            for value in sensitive:
                assert value not in line, (record.name, value)
