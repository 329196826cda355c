"""The `mutuality` command: serve, migrate, create-admin, export-openapi, demo, rebuild-rollups,
prune-photos."""

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import uvicorn
from sqlmodel import Session

from app import migrations
from app.config import Settings
from app.db import build_engine
from app.main import configure_logging, create_app
from app.services import admin_accounts, demo, photo_gc, rollups
from app.services.storage import LocalPhotoStorage

DEFAULT_OPENAPI_PATH = migrations.PROJECT_ROOT / "openapi" / "openapi.json"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mutuality", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="migrate the database, then start the API")
    serve.add_argument("--host", help="default: MUTUALITY_HOST or 127.0.0.1")
    serve.add_argument("--port", type=int, help="default: MUTUALITY_PORT or 8000")
    serve.add_argument("--workers", type=int, help="default: MUTUALITY_WORKERS or 2")
    serve.add_argument("--no-migrate", action="store_true", help="skip `alembic upgrade head`")
    serve.add_argument("--reload", action="store_true", help="restart on code changes (dev)")
    serve.add_argument(
        "--demo",
        action="store_true",
        help="load the demo program first when the database is the default SQLite file",
    )

    demo_command = commands.add_parser(
        "demo", help="load a demo program (once; re-running adds nothing)"
    )
    demo_command.add_argument(
        "--on-configured-database",
        action="store_true",
        help="load it into MUTUALITY_DATABASE_URL too (its accounts share a published password)",
    )
    commands.add_parser("rebuild-rollups", help="recompute the progress rollups from surveys")
    prune = commands.add_parser(
        "prune-photos", help="delete stored photo files no photo uses (left by failed uploads)"
    )
    prune.add_argument("--dry-run", action="store_true", help="list them, delete nothing")
    prune.add_argument(
        "--grace-hours",
        type=_grace_hours,
        default=photo_gc.DEFAULT_GRACE // timedelta(hours=1),
        metavar="N",
        help="keep files written in the last N hours (default: %(default)s, at least 1)",
    )

    commands.add_parser("migrate", help="upgrade the database schema to the newest migration")

    admin = commands.add_parser("create-admin", help="create a platform admin account")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", default="Platform admin")
    admin.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of prompting",
    )

    export = commands.add_parser("export-openapi", help="write the OpenAPI contract")
    export.add_argument("--output", type=Path, default=DEFAULT_OPENAPI_PATH)

    args = parser.parse_args(argv)
    settings = Settings()
    handler = {
        "serve": _serve,
        "migrate": _migrate,
        "create-admin": _create_admin,
        "export-openapi": _export_openapi,
        "demo": _demo,
        "rebuild-rollups": _rebuild_rollups,
        "prune-photos": _prune_photos,
    }[args.command]
    return handler(args, settings)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    if not args.no_migrate:
        migrations.upgrade()
    if args.demo and settings.database_url is None:
        _load_demo(settings)
    workers = 1 if args.reload else (args.workers or settings.workers)
    if settings.resolved_database_url.startswith("sqlite") and workers > 1:
        workers = 1  # SQLite allows one writer; more processes would only queue on its lock
    configure_logging(settings.log_level)
    uvicorn.run(
        "app.asgi:app",
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=workers,
        reload=args.reload,
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        log_config=None,
        access_log=False,
        # The supervisor restarts a worker that misses a 5 s ping; a worker busy with a burst of
        # submissions on a small machine would be killed mid-request (bench/survey_load.py).
        timeout_worker_healthcheck=30,
    )
    return 0


def _migrate(_args: argparse.Namespace, _settings: Settings) -> int:
    migrations.upgrade()
    print("database is at the newest migration")
    return 0


def _create_admin(args: argparse.Namespace, settings: Settings) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password (12+ characters): ")
    engine = build_engine(settings)
    try:
        with Session(engine, expire_on_commit=False) as session:
            user = admin_accounts.create_platform_admin(session, args.email, args.name, password)
            session.commit()
    except admin_accounts.AdminAccountError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"platform admin {user.email} created")
    return 0


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    # The demo's staff accounts (a platform admin among them) share a password printed in the
    # README; on a real database that is an open door, so it takes an explicit flag.
    if settings.database_url is not None and not args.on_configured_database:
        print(
            "refusing to load the demo into MUTUALITY_DATABASE_URL: its staff accounts, a "
            "platform admin among them, share a published password. Use the default SQLite "
            "file, or pass --on-configured-database for a throwaway database.",
            file=sys.stderr,
        )
        return 2
    return _load_demo(settings)


def _load_demo(settings: Settings) -> int:
    migrations.upgrade()
    engine = build_engine(settings)
    try:
        with Session(engine, expire_on_commit=False) as session:
            report = demo.load(session)
            session.commit()
    finally:
        engine.dispose()
    state = "loaded" if report.created else "already loaded (nothing added)"
    print(f"demo program {state}: {report.households} households, {report.surveys} surveys")
    print(f"staff sign-in (POST /v1/auth/staff/login), password {demo.DEMO_PASSWORD!r}:")
    for role, email in report.staff.items():
        print(f"  {role:<15} {email}")
    print("families (POST /v1/auth/phone/code; the code is printed by the console SMS sender):")
    for label, phone in report.family_phones:
        print(f"  {label:<22} {phone}")
    print("  ... each seed's friends: the same phone with the last two digits 01 to 09")
    return 0


def _rebuild_rollups(_args: argparse.Namespace, settings: Settings) -> int:
    engine = build_engine(settings)
    try:
        with Session(engine, expire_on_commit=False) as session:
            households, months = rollups.rebuild(session)
            session.commit()
    finally:
        engine.dispose()
    print(f"rollups rebuilt: {households} households, {months} demonstration-group-months")
    return 0


def _grace_hours(value: str) -> int:
    least = photo_gc.MIN_GRACE // timedelta(hours=1)
    if not value.isdigit() or int(value) < least:
        raise argparse.ArgumentTypeError(f"a whole number of hours, at least {least}: {value!r}")
    return int(value)


def _prune_photos(args: argparse.Namespace, settings: Settings) -> int:
    storage = LocalPhotoStorage(settings.data_dir / "photos")  # where `create_app` keeps them
    engine = build_engine(settings)
    try:
        with Session(engine) as session:
            report = photo_gc.prune(
                session, storage, grace=timedelta(hours=args.grace_hours), dry_run=args.dry_run
            )
    finally:
        engine.dispose()
    verb = "would remove" if report.dry_run else "removed"
    for item in report.removed:
        print(f"{verb} {item.key} ({item.size_bytes} bytes)")
    note = "; dry run, nothing deleted" if report.dry_run else ""
    print(
        f"{verb} {report.files} unreferenced photo files, {report.size_bytes} bytes"
        f" (last written over {args.grace_hours} h ago{note})"
    )
    if report.skipped:
        print(f"kept {report.skipped} files gone or written again since they were listed")
    return 0


def _export_openapi(args: argparse.Namespace, settings: Settings) -> int:
    document = openapi_document(settings)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(document, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def openapi_document(settings: Settings) -> str:
    """The contract exactly as the app serves it, in a stable, diff-friendly layout."""
    app = create_app(settings)
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


if __name__ == "__main__":
    sys.exit(main())
