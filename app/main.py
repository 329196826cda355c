"""The application factory: routers, middleware and error handlers — no logic."""

import logging
import sys
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi

from app.config import Settings
from app.db import build_engine
from app.errors import PROBLEM_MEDIA_TYPE, install_error_handlers
from app.middleware import BodyLimitMiddleware, JsonLogFormatter, RequestContextMiddleware
from app.routers import (
    audit_log,
    auth,
    consent,
    dashboards,
    demonstrations,
    feed,
    friend_groups,
    health,
    highlights,
    households,
    inbox,
    invitations,
    me,
    measurement,
    messages,
    organizations,
    phases,
    photos,
    practices,
    progress,
    public,
    stipends,
    stories,
    surveys,
)
from app.services.sms import ConsoleSmsSender, OutboxSmsSender, SmsSender
from app.services.storage import LocalPhotoStorage, PhotoStorage

API_VERSION = "1.0.0"
MULTIPART_OVERHEAD_BYTES = 64 * 1024  # boundaries and part headers around one photo
DESCRIPTION = """Mutuality: the backend of peer-driven change programs.

Families sign in with their phone and a one-time code; staff with email and password. Every
error is `application/problem+json` (RFC 9457) with a stable `code`."""


def create_app(
    settings: Settings | None = None,
    *,
    sms_sender: SmsSender | None = None,
    photo_storage: PhotoStorage | None = None,
) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="Mutuality API",
        version=API_VERSION,
        description=DESCRIPTION,
        separate_input_output_schemas=False,
    )
    app.state.settings = settings
    app.state.engine = build_engine(settings)
    app.state.sms_sender = sms_sender or _default_sms_sender(settings)
    app.state.photo_storage = photo_storage or LocalPhotoStorage(settings.data_dir / "photos")
    for router in (
        health.router,
        auth.router,
        me.router,
        organizations.router,
        audit_log.router,
        demonstrations.router,
        households.router,
        consent.router,
        friend_groups.router,
        invitations.router,
        phases.router,
        messages.router,
        inbox.router,
        surveys.router,
        stories.router,
        photos.router,
        stipends.router,
        practices.router,
        feed.router,
        highlights.router,
        public.router,
        progress.router,
        dashboards.router,
        measurement.router,
    ):
        app.include_router(router)
    install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        upload_max_bytes=max(
            settings.max_body_bytes, settings.max_photo_bytes + MULTIPART_OVERHEAD_BYTES
        ),
    )
    app.add_middleware(RequestContextMiddleware)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonLogFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())


def _default_sms_sender(settings: Settings) -> SmsSender:
    return OutboxSmsSender() if settings.sms_backend == "outbox" else ConsoleSmsSender()


_UNREADABLE_BODY = {
    "description": "The body could not be read (not UTF-8 text)",
    "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The contract, with error responses typed as problem+json only."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            if "requestBody" in operation:  # a body that is not even text answers 400
                operation["responses"].setdefault("400", _UNREADABLE_BODY)
            for status_code, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status_code.startswith(("4", "5")) and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    app.openapi_schema = schema
    return schema
