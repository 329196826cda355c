"""Every error a client can meet is RFC 9457 problem+json with a stable `code`, never a 500
for bad input and never a stack trace."""

import json
import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.errors import PROBLEM_MEDIA_TYPE
from app.main import create_app

PROBLEM_FIELDS = {"type", "title", "status", "detail", "code"}


def assert_problem(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body.keys() >= PROBLEM_FIELDS, body
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"/problems/{code}"
    assert body["title"] and body["detail"]
    assert "Traceback" not in response.text
    return body


def field_names(body: dict) -> set[str]:
    return {error["field"] for error in body["errors"]}


def test_unknown_route_is_a_404_problem(client) -> None:
    body = assert_problem(client.get("/v1/no-such-thing"), 404, "not-found")
    assert body["instance"] == "/v1/no-such-thing"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("DELETE", "/v1/me", {"GET"}),
        ("PUT", "/v1/organizations", {"GET", "POST"}),
        ("DELETE", f"/v1/organizations/{uuid.uuid4()}", {"GET", "PATCH"}),
        ("GET", "/v1/auth/phone/code", {"POST"}),
    ],
)
def test_wrong_method_is_a_405_problem_naming_the_allowed_methods(
    client, method: str, path: str, allowed: set[str]
) -> None:
    response = client.request(method, path)
    assert_problem(response, 405, "method-not-allowed")
    assert set(response.headers["allow"].split(", ")) == allowed


def test_validation_error_names_the_field(client) -> None:
    response = client.post("/v1/auth/phone/code", json={})
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {"body.phone"}
    assert all(error["message"] and error["type"] for error in body["errors"])
    assert "body.phone" in body["detail"]


def test_every_bad_field_is_named(client, actors) -> None:
    response = client.post(
        "/v1/organizations",
        json={"name": "", "country": "USA"},
        headers=actors.platform_admin.headers,
    )
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {"body.name", "body.country", "body.region"}


@pytest.mark.parametrize(
    "raw",
    [b'{"phone": ', b"not json", b'{"phone": "+14155550100",}', b"", b"{}{}"],
)
def test_invalid_json_is_a_422_problem(client, raw: bytes) -> None:
    response = client.post(
        "/v1/auth/phone/code", content=raw, headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {"body"}


def test_a_body_that_is_not_even_text_is_a_400_problem(client) -> None:
    # Declared as 400 in the contract: the bytes cannot be decoded, so no field can be named.
    response = client.post(
        "/v1/auth/phone/code", content=b"\xff\xfe\x00", headers={"content-type": "application/json"}
    )
    assert_problem(response, 400, "bad-request")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"phone": 14155550100}, "body.phone"),
        ({"phone": ["+14155550100"]}, "body.phone"),
        ({"phone": None}, "body.phone"),
        ({"phone": {"number": "+14155550100"}}, "body.phone"),
        ({"phone": "+14155550100", "code": 123456}, "body.code"),
        ({"phone": "+14155550100", "code": True}, "body.code"),
    ],
)
def test_wrong_types_are_a_422_problem(client, payload: dict, field: str) -> None:
    response = client.post("/v1/auth/phone/verify", json=payload)
    body = assert_problem(response, 422, "validation-error")
    assert field in field_names(body)


def test_a_json_array_instead_of_an_object_is_a_422_problem(client) -> None:
    response = client.post("/v1/auth/phone/code", json=["+14155550100"])
    assert_problem(response, 422, "validation-error")


@pytest.mark.parametrize("field", ["name", "region"])
def test_nul_bytes_in_strings_are_a_422_not_a_500(client, actors, db, field: str) -> None:
    payload = {"name": "Partner", "country": "US", "region": "Oakland"} | {field: "a\u0000b"}
    response = client.post("/v1/organizations", json=payload, headers=actors.platform_admin.headers)
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {f"body.{field}"}


def test_nul_bytes_in_a_patch_are_a_422(client, actors) -> None:
    response = client.patch(
        f"/v1/organizations/{actors.organization.id}",
        json={"name": "\u0000"},
        headers=actors.platform_admin.headers,
    )
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {"body.name"}


def test_nul_bytes_in_a_phone_are_a_422(client) -> None:
    response = client.post("/v1/auth/phone/code", json={"phone": "+1415\u00005550100"})
    assert_problem(response, 422, "validation-error")


@pytest.mark.parametrize(
    "limit", ["99999999999999999999999", "-99999999999999999999999", "1e400", "NaN", "0", "2.5"]
)
def test_huge_or_odd_numbers_in_the_query_are_a_422(client, actors, limit: str) -> None:
    response = client.get(
        "/v1/organizations", params={"limit": limit}, headers=actors.platform_admin.headers
    )
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {"query.limit"}


def test_a_malformed_id_in_the_path_is_a_422_naming_it(client, actors) -> None:
    response = client.get("/v1/organizations/not-a-uuid", headers=actors.platform_admin.headers)
    body = assert_problem(response, 422, "validation-error")
    assert field_names(body) == {"path.organization_id"}


def _oversized_phone_request(size: int) -> bytes:
    return json.dumps({"phone": "+14155550100", "padding": "x" * size}).encode()


def test_a_body_over_the_limit_with_content_length_is_a_413(client, test_settings, db) -> None:
    body = _oversized_phone_request(test_settings.max_body_bytes)
    response = client.post(
        "/v1/auth/phone/code", content=body, headers={"content-type": "application/json"}
    )
    problem = assert_problem(response, 413, "payload-too-large")
    assert str(test_settings.max_body_bytes) in problem["detail"]


def test_a_streamed_body_over_the_limit_is_a_413(client, test_settings, outbox) -> None:
    """No Content-Length (chunked transfer): the limit is counted while the body arrives."""
    body = _oversized_phone_request(test_settings.max_body_bytes)
    chunk = 64 * 1024

    def stream() -> Iterator[bytes]:
        for start in range(0, len(body), chunk):
            yield body[start : start + chunk]

    response = client.post(
        "/v1/auth/phone/code", content=stream(), headers={"content-type": "application/json"}
    )
    assert_problem(response, 413, "payload-too-large")
    assert outbox.sent == []  # the request was refused, not half-handled


def test_a_streamed_body_under_the_limit_is_read(client, outbox) -> None:
    def stream() -> Iterator[bytes]:
        yield b'{"phone": '
        yield b'"+44 20 7946 0001"}'

    response = client.post(
        "/v1/auth/phone/code", content=stream(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 202, response.text
    assert outbox.last_to("+442079460001") is not None


def test_a_body_just_under_the_limit_is_not_refused_for_its_size(client, test_settings) -> None:
    body = _oversized_phone_request(0)
    body = body[:-1] + b" " * (test_settings.max_body_bytes - len(body)) + b"}"
    assert len(body) == test_settings.max_body_bytes
    response = client.post(
        "/v1/auth/phone/code", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 202, response.text


def test_an_unexpected_exception_is_a_500_problem_without_internals(test_settings, caplog) -> None:
    fresh_app = create_app(test_settings)

    @fresh_app.get("/boom")
    def boom() -> None:
        raise RuntimeError("internal detail: /srv/mutuality/secret.py line 42")

    try:
        with TestClient(fresh_app, raise_server_exceptions=False) as fresh_client:
            response = fresh_client.get("/boom")
    finally:
        fresh_app.state.engine.dispose()
    body = assert_problem(response, 500, "internal-error")
    assert "internal detail" not in response.text
    assert "RuntimeError" not in response.text
    assert body["instance"] == "/boom"
    # The details go to the server's log instead, where an operator can find them.
    logged = [record for record in caplog.records if record.name == "mutuality.errors"]
    assert logged and logged[0].exc_info is not None
    assert "internal detail" in str(logged[0].exc_info[1])
    # The id in the answer leads to that log line.
    assert response.headers["x-request-id"] == logged[0].request_id


def test_a_domain_error_is_rendered_with_its_code(client) -> None:
    response = client.post("/v1/auth/phone/code", json={"phone": "12345"})
    body = assert_problem(response, 422, "invalid-phone")
    assert body["instance"] == "/v1/auth/phone/code"


def test_a_sane_request_id_is_echoed(client) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "phone-app.42_retry-1"})
    assert response.headers["x-request-id"] == "phone-app.42_retry-1"


def test_the_request_id_is_echoed_on_errors_too(client) -> None:
    response = client.get("/v1/nothing-here", headers={"X-Request-ID": "abc-123"})
    assert response.status_code == 404
    assert response.headers["x-request-id"] == "abc-123"


@pytest.mark.parametrize(
    "incoming",
    [None, "", "has spaces", "x" * 65, "semi;colon", "new\\nline", "<script>", "ünïcode"],
)
def test_a_missing_or_odd_request_id_is_replaced_with_a_fresh_one(client, incoming) -> None:
    headers = {} if incoming is None else {"X-Request-ID": incoming.encode("utf-8")}
    first = client.get("/healthz", headers=headers).headers["x-request-id"]
    second = client.get("/healthz", headers=headers).headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second
    assert first != incoming
