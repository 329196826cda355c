"""Nowhere else to advise (SPEC §1, §4): a liaison has no route that writes a family's own
content — survey answers, stories, practice posts, adoptions — and every route that lets
staff write text a family reads goes through the rules module.

The test walks the app's routes, so a new route that would let a liaison write family
content fails here until someone decides, in `STAFF_TEXT_ROUTES`, that it is staff text
screened by `messages.screen_staff_text` (or the message send itself).
"""

import inspect
import re
import types
from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.models.user import Role

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
FAMILY_CONTENT = re.compile(r"survey|stor(y|ies)|practice|post|feed|adoption|answer")

# Liaison-callable writes on family content that are staff text, each screened by the rules
# module before anything is written: a blocked text answers 422 `message-blocked`.
STAFF_TEXT_ROUTES = {
    "survey_decide": "review decision; its comment goes through screen_staff_text",
    "survey_comment": "review comment; goes through screen_staff_text",
    "story_decide": "review decision; its comment goes through screen_staff_text",
    "story_comment": "review comment; goes through screen_staff_text",
}
# Liaison-callable routes that send text to families: only through the rules module.
MESSAGE_ROUTES = {"messages_send", "messages_check"}


def api_routes(routes: Sequence[Any]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # a router included in the app
            yield from api_routes(route.original_router.routes)


def admitted_roles(route: APIRoute) -> set[Role]:
    """The roles the route's `require_role` guards let through; every role when unguarded."""
    admitted = set(Role)
    pending = list(route.dependant.dependencies)
    while pending:
        dependency = pending.pop()
        pending.extend(dependency.dependencies)
        call = dependency.call
        if call is not None and getattr(call, "__qualname__", "").startswith("require_role."):
            admitted &= set(inspect.getclosurevars(call).nonlocals["allowed"])
    return admitted


def test_the_walk_sees_the_guards(app: FastAPI) -> None:
    routes = {route.operation_id: route for route in api_routes(app.routes)}
    assert admitted_roles(routes["inbox_reply"]) == {Role.FAMILY}
    assert Role.LIAISON in admitted_roles(routes["messages_send"])


def test_no_liaison_route_writes_family_content(app: FastAPI) -> None:
    offending = [
        f"{sorted(route.methods or ())} {route.path} ({route.operation_id})"
        for route in api_routes(app.routes)
        if (route.methods or set()) & WRITES
        and FAMILY_CONTENT.search(route.path)
        and Role.LIAISON in admitted_roles(route)
        and route.operation_id not in STAFF_TEXT_ROUTES
    ]
    assert offending == [], "a liaison may write family content through: " + ", ".join(offending)


def test_staff_text_routes_are_screened_by_the_rules_module(app: FastAPI) -> None:
    """Each staff-text route's router calls a service that calls `screen_staff_text`."""
    routes = {route.operation_id: route for route in api_routes(app.routes)}
    for operation in STAFF_TEXT_ROUTES.keys() & routes.keys():
        router_module = inspect.getmodule(routes[operation].endpoint)
        services = [
            value
            for value in vars(router_module).values()
            if isinstance(value, types.ModuleType) and value.__name__.startswith("app.services.")
        ]
        screened = [m for m in services if "screen_staff_text" in inspect.getsource(m)]
        assert screened, f"{operation}: no service of its router screens staff text"
    for operation in MESSAGE_ROUTES:
        assert Role.LIAISON in admitted_roles(routes[operation])
