"""`openapi/openapi.json` is the contract mobile clients are built from: it must match the app."""

import json
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.cli import DEFAULT_OPENAPI_PATH, openapi_document
from app.config import Settings


def test_committed_contract_matches_the_app(client: TestClient, test_settings: Settings) -> None:
    committed = json.loads(Path(DEFAULT_OPENAPI_PATH).read_text(encoding="utf-8"))
    served = client.get("/openapi.json").json()
    assert served == committed, "run `mutuality export-openapi` and commit openapi/openapi.json"
    assert json.loads(openapi_document(test_settings)) == served


def test_every_operation_is_documented(app: FastAPI) -> None:
    operations = [
        (path, method, operation)
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items()
    ]
    ids = [operation["operationId"] for _, _, operation in operations]
    assert len(ids) == len(set(ids)), "operation ids must be unique"
    for path, method, operation in operations:
        label = f"{method.upper()} {path}"
        assert operation.get("summary"), f"{label} has no summary"
        responses = operation["responses"]
        success = [code for code in responses if code.startswith("2")]
        assert success, f"{label} declares no success response"
        for code in success:
            if code != "204":
                assert responses[code].get("content"), f"{label} {code} has no typed body"
        for code, response in responses.items():
            if code.startswith(("4", "5")):
                assert "application/problem+json" in response["content"], f"{label} {code}"
        if operation.get("security"):
            assert "401" in responses, f"{label} needs sign-in but does not declare 401"
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in responses, f"{label} can fail validation but does not declare 422"
