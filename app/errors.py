"""Typed domain errors and the one place that renders every error as RFC 9457 problem+json.

Services raise `DomainError` subclasses (they never import FastAPI); the handlers here turn
those, validation errors, HTTP errors and unexpected exceptions into the same shape, so a
phone only ever has to parse one kind of error body.
"""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "/problems/"

logger = logging.getLogger("mutuality.errors")


class DomainError(Exception):
    """A failure the client can act on; `code` is stable and becomes the problem `type`."""

    status: int = 400
    code: str = "bad-request"
    title: str = "Bad request"
    # Most errors undo the request's writes. A few must keep them even though the request
    # fails: a rate-limit hit or a wrong one-time code has to count.
    keeps_changes: bool = False

    def __init__(self, detail: str, *, code: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code
        self.extra = extra


class BadRequest(DomainError):
    pass


class Unauthorized(DomainError):
    status, code, title = 401, "unauthorized", "Not signed in"


class Forbidden(DomainError):
    status, code, title = 403, "forbidden", "Not allowed"


class NotFound(DomainError):
    status, code, title = 404, "not-found", "Not found"


class Conflict(DomainError):
    status, code, title = 409, "conflict", "Conflict"


class Gone(DomainError):
    status, code, title = 410, "gone", "No longer available"


class PreconditionFailed(DomainError):
    status, code, title = 412, "precondition-failed", "Changed meanwhile"


class Unprocessable(DomainError):
    status, code, title = 422, "unprocessable", "Cannot be processed"


class TooManyRequests(DomainError):
    status, code, title = 429, "rate-limited", "Too many requests"
    keeps_changes = True

    def __init__(self, detail: str, *, retry_after_seconds: int, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.retry_after_seconds = retry_after_seconds


class FieldProblem(BaseModel):
    field: str = Field(description="Dotted location of the bad value, e.g. `body.phone`.")
    message: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details, with a stable `code` for clients to switch on."""

    type: str = Field(description="URI reference that identifies the problem type.")
    title: str
    status: int
    detail: str
    code: str
    instance: str | None = None
    errors: list[FieldProblem] | None = Field(
        default=None, description="Per-field problems, for validation errors."
    )


def problem_response(
    status: int,
    code: str,
    detail: str,
    *,
    title: str | None = None,
    request: Request | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + code,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if request is not None:
        body["instance"] = request.url.path
    body.update({key: value for key, value in extra.items() if value is not None})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry that declares error statuses of a route in the OpenAPI contract."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for status in statuses
    }


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    headers = None
    if isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    if exc.status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return problem_response(
        exc.status,
        exc.code,
        exc.detail,
        title=exc.title,
        request=request,
        headers=headers,
        **exc.extra,
    )


def _field_problem(error: Any) -> dict[str, str]:
    if error["type"] == "json_invalid":  # its location is a character offset, not a field
        return {
            "field": "body",
            "message": f"Body is not valid JSON ({error['ctx']['error']}).",
            "type": "json_invalid",
        }
    field = ".".join(str(part) for part in error["loc"])
    return {"field": field, "message": error["msg"], "type": error["type"]}


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_field_problem(err) for err in exc.errors()]
    fields = ", ".join(sorted({error["field"] for error in errors}))
    return problem_response(
        422,
        "validation-error",
        f"Invalid input: {fields}." if fields else "Invalid input.",
        title="Invalid input",
        request=request,
        errors=errors,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {
        400: "bad-request",
        401: "unauthorized",
        403: "forbidden",
        404: "not-found",
        405: "method-not-allowed",
        413: "payload-too-large",
        415: "unsupported-media-type",
    }.get(exc.status_code, f"http-{exc.status_code}")
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and detail == "Not Found":
        detail = "No such resource."
    headers = getattr(exc, "headers", None)
    if exc.status_code == 405:
        # Starlette names only the first route that matched the path; list them all.
        headers = {"Allow": ", ".join(sorted(_allowed_methods(request)))}
    return problem_response(exc.status_code, code, detail, request=request, headers=headers)


def _allowed_methods(request: Request) -> set[str]:
    # Ask each top-level route whether it would take the path with another method: routes
    # inside included routers sit behind one wrapper route that has no path of its own.
    return {
        method
        for method in _HTTP_METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    }


_HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Rendered by Starlette's outermost middleware, outside the request-id middleware: add the
    # id here so a person reporting the failure can quote it and we can find the log line.
    request_id = getattr(request.state, "request_id", None)
    logger.exception("unhandled error", extra={"path": request.url.path, "request_id": request_id})
    return problem_response(
        500,
        "internal-error",
        "Something went wrong on our side; it has been logged.",
        request=request,
        headers={"X-Request-ID": request_id} if request_id else None,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)
