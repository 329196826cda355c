"""Health endpoints and the structured access log."""

import json
import logging

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.middleware import JsonLogFormatter


def test_liveness_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}


def test_readiness_fails_cleanly_when_the_database_is_down(test_settings: Settings) -> None:
    unreachable = test_settings.model_copy(
        update={"database_url": "postgresql+psycopg://nobody@127.0.0.1:9/none"}
    )
    unreachable.__dict__.pop("resolved_database_url", None)  # drop the cached URL
    app = create_app(unreachable)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/healthz").status_code == 200
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "database-unavailable"


def test_access_log_is_json_with_request_id_and_route_template(client, actors, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="mutuality.access")
    organization_id = actors.organization.id
    response = client.get(
        f"/v1/organizations/{organization_id}?limit=1",
        headers={**actors.partner_admin.headers, "X-Request-ID": "phone-42.retry-1"},
    )
    assert response.headers["x-request-id"] == "phone-42.retry-1"
    [record] = [r for r in caplog.records if r.name == "mutuality.access"]
    line = json.loads(JsonLogFormatter().format(record))
    assert line["request_id"] == "phone-42.retry-1"
    assert line["path"] == "/v1/organizations/{organization_id}"  # the template, not the ids
    assert line["status"] == 200
    assert str(organization_id) not in json.dumps(line)
    assert actors.partner_admin.access_token not in json.dumps(line)
