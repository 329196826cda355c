"""Dashboards at scale: 100,000 households x 24 months of verified surveys on PostgreSQL.

Usage (from the repository root; needs PostgreSQL)::

    .venv/bin/python bench/dashboard_scale.py                    # 100,000 households
    .venv/bin/python bench/dashboard_scale.py --households 20000 --runs 20

Creates a scratch database, migrates it, generates the data with INSERT … SELECT over
generate_series (100 households per demonstration, 10 per friend group), builds the rollups
in SQL, checks them against the application's own rebuild on one demonstration, then times in
the same run: the dashboard (the service, from the rollups), a family's progress (the
service), shared measurement (the service, and the bare rollup query), and the naive queries
that compute the same from every survey. Then spreads the demonstrations over
`--organizations` partners and times shared measurement again (its figures are per
organization). Drops the database.
"""

# ruff: noqa: S608 - the SQL is built from this file's own constants, never from input
import argparse
import math
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, col, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import migrations  # noqa: E402
from app.models.demonstration import Demonstration  # noqa: E402
from app.models.progress import DemonstrationMonthStats, HouseholdProgress  # noqa: E402
from app.models.user import Role  # noqa: E402
from app.services import (  # noqa: E402
    dashboards,
    measurement,
    progress,
    rollups,
    survey_forms,
)
from app.services.principal import Principal  # noqa: E402

PER_DEMONSTRATION = 100
PER_GROUP = 10

GENERATE = """
INSERT INTO organizations (id, name, country, region, created_at)
VALUES (:org, 'Bench partner', 'US', 'Bench', now());

INSERT INTO demonstrations (id, organization_id, name, area, country, languages,
    stipend_amount_minor, stipend_currency, friends_per_seed, started_on, phase, created_at)
SELECT md5('d' || d)::uuid, :org, 'Demo ' || d, 'Area', 'US', '["en"]', 2500, 'USD', 10,
    date '2024-01-01', 'II', now()
FROM generate_series(0, :demos - 1) AS d;

INSERT INTO friend_groups (id, demonstration_id, friends_count, created_at)
SELECT md5('g' || g)::uuid, md5('d' || (g / (:per_demo / :per_group)))::uuid, :per_group - 1,
    now()
FROM generate_series(0, :households / :per_group - 1) AS g;

INSERT INTO households (id, demonstration_id, friend_group_id, is_seed, label,
    preferred_language, adults_count, children_count, shared_with_group, created_at, updated_at)
SELECT md5('h' || h)::uuid, md5('d' || (h / :per_demo))::uuid, md5('g' || (h / :per_group))::uuid,
    h % :per_group = 0, 'Household ' || h, 'en', 2, 2, '[]', now(), now()
FROM generate_series(0, :households - 1) AS h;

INSERT INTO survey_submissions (id, household_id, demonstration_id, period,
    client_submission_id, form_id, form_version, answers, original_answers_sha256, state,
    version, created_at, updated_at)
SELECT gen_random_uuid(), md5('h' || h)::uuid, md5('d' || (h / :per_demo))::uuid,
    to_char(date '2024-01-01' + make_interval(months => m), 'YYYY-MM'), gen_random_uuid(),
    :form, 1,
    json_build_object(
        'income_work', 100000 + (h % 97) * 1000 + m * (h % 7 - 2) * 500,
        'income_business', (h % 5) * 10000, 'income_other', 0,
        'savings', (h % 13) * 1000 + m * 100, 'debt', (h % 17) * 5000,
        'members_employed', 1, 'businesses_run', h % 2, 'children_in_school', h % 4,
        'anyone_unable_to_work', false, 'rent_on_time', 'yes',
        'help_given_count', (h + m) % 5, 'help_given_kinds', '[]'::json,
        'help_received_count', (h * m) % 4, 'help_received_kinds', '[]'::json),
    repeat('0', 64),
    CASE WHEN m = 23 AND h % 3 = 0 THEN 'submitted' ELSE 'verified' END, 2, now(), now()
FROM generate_series(0, :households - 1) AS h, generate_series(0, 23) AS m;
"""

VALUE = {
    "total_income": "((answers->>'income_work')::bigint + (answers->>'income_business')::bigint"
    " + (answers->>'income_other')::bigint)",
    **{
        name: f"(answers->>'{name}')::bigint"
        for name in (
            "savings",
            "debt",
            "children_in_school",
            "help_given_count",
            "help_received_count",
        )
    },
}
NAMES = list(VALUE)

ROLLUPS = f"""
DELETE FROM household_progress; DELETE FROM demonstration_month_stats;
INSERT INTO household_progress (household_id, demonstration_id, friend_group_id,
    verified_months, baseline_period, latest_period,
    {", ".join(f"baseline_{n}, latest_{n}" for n in NAMES)}, updated_at)
SELECT h.id, h.demonstration_id, h.friend_group_id, v.n, v.first_period, v.last_period,
    {", ".join(f"b.{n}, l.{n}" for n in NAMES)}, now()
FROM households h
JOIN (SELECT household_id, count(*) AS n, min(period) AS first_period,
             max(period) AS last_period
      FROM survey_submissions WHERE state = 'verified' GROUP BY household_id) v
  ON v.household_id = h.id
JOIN LATERAL (SELECT {", ".join(f"{e} AS {n}" for n, e in VALUE.items())}
              FROM survey_submissions s
              WHERE s.household_id = h.id AND s.period = v.first_period) b ON true
JOIN LATERAL (SELECT {", ".join(f"{e} AS {n}" for n, e in VALUE.items())}
              FROM survey_submissions s
              WHERE s.household_id = h.id AND s.period = v.last_period) l ON true;
INSERT INTO demonstration_month_stats (demonstration_id, friend_group_id, period,
    verified_count, {", ".join(f"sum_{n}" for n in NAMES)}, updated_at)
SELECT s.demonstration_id, h.friend_group_id, s.period, count(*),
    {", ".join(f"sum({e})" for e in VALUE.values())}, now()
FROM survey_submissions s JOIN households h ON h.id = s.household_id
WHERE s.state = 'verified'
GROUP BY s.demonstration_id, h.friend_group_id, s.period;
ANALYZE;
"""

NAIVE_DASHBOARD = f"""
WITH v AS (
  SELECT household_id, period, {VALUE["total_income"]} AS income,
         row_number() OVER (PARTITION BY household_id ORDER BY period) AS first_rank,
         row_number() OVER (PARTITION BY household_id ORDER BY period DESC) AS last_rank
  FROM survey_submissions WHERE state = 'verified' AND demonstration_id = :demo)
SELECT (SELECT count(*) FROM households WHERE demonstration_id = :demo),
  (SELECT json_agg(x) FROM (SELECT period, count(*), avg({VALUE["total_income"]})
     FROM survey_submissions WHERE demonstration_id = :demo AND state = 'verified'
     GROUP BY period) x),
  avg(l.income - f.income),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY l.income - f.income)
FROM v f JOIN v l ON l.household_id = f.household_id AND l.last_rank = 1
WHERE f.first_rank = 1
"""

NAIVE_MEASUREMENT = f"""
WITH v AS (
  SELECT household_id, {VALUE["total_income"]} AS income,
         row_number() OVER (PARTITION BY household_id ORDER BY period) AS first_rank,
         row_number() OVER (PARTITION BY household_id ORDER BY period DESC) AS last_rank
  FROM survey_submissions WHERE state = 'verified')
SELECT count(*), avg(l.income - f.income),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY l.income - f.income)
FROM v f JOIN v l ON l.household_id = f.household_id AND l.last_rank = 1
WHERE f.first_rank = 1
"""

ROLLUP_MEASUREMENT = """
SELECT count(*), avg(latest_total_income - baseline_total_income),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY latest_total_income - baseline_total_income)
FROM household_progress WHERE latest_period > baseline_period
"""


def timed(label: str, runs: int, call: Callable[[int], object]) -> tuple[str, float, float]:
    samples = []
    for i in range(runs):
        started = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    print(f"  {label:<52} p50 {p50:9.1f} ms   p95 {p95:9.1f} ms   (n={runs})", flush=True)
    return label, p50, p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--naive-runs", type=int, default=5)
    parser.add_argument(
        "--organizations", type=int, default=20, help="partners for the measurement timings"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    admin = sa.create_engine(args.url, isolation_level="AUTOCOMMIT")
    name = f"mutuality_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = sa.create_engine(sa.engine.make_url(args.url).set(database=name))
    try:
        return run(engine, args)
    finally:
        engine.dispose()
        if not args.keep:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run(engine: sa.Engine, args: argparse.Namespace) -> int:
    households = args.households - args.households % PER_DEMONSTRATION
    demos = households // PER_DEMONSTRATION
    with engine.begin() as connection:
        migrations.upgrade(connection=connection)
    with Session(engine) as session:
        form_id = survey_forms.core_form(session).id
        session.commit()
    started = time.perf_counter()
    org = uuid.uuid4()
    with engine.begin() as connection:
        for statement in GENERATE.split(";\n"):
            if statement.strip():
                connection.execute(
                    sa.text(statement),
                    {"org": org, "demos": demos, "households": households, "form": form_id,
                     "per_demo": PER_DEMONSTRATION, "per_group": PER_GROUP},
                )  # fmt: skip
    print(
        f"generated {households:,} households x 24 months in {time.perf_counter() - started:.0f} s"
    )
    started = time.perf_counter()
    with engine.begin() as connection:
        for statement in ROLLUPS.split(";\n"):
            if statement.strip():
                connection.exec_driver_sql(statement)
    print(f"built rollups in SQL in {time.perf_counter() - started:.0f} s")
    demo_ids = [uuid.UUID(row[0]) for row in _demo_ids(engine, demos)]
    with Session(engine) as session:  # the SQL rollups equal the application's rebuild
        before = _snapshot(session, demo_ids[0])
        rollups.rebuild(session, demo_ids[0])
        assert _snapshot(session, demo_ids[0]) == before, "SQL and app rollups differ"
        session.rollback()
    print("checked: SQL rollups == application rebuild on one demonstration")
    staff = Principal(
        user_id=uuid.uuid4(), role=Role.PARTNER_ADMIN, session_id=uuid.uuid4(), organization_id=org
    )
    now = datetime(2025, 12, 15, tzinfo=UTC)
    with Session(engine) as session:
        print(f"on {households:,} households, {households * 24:,} surveys:")
        timed("dashboard (service, rollups)", args.runs,
              lambda i: dashboards.dashboard(session, staff, demo_ids[i % demos], now))  # fmt: skip
        timed("dashboard (naive: that demonstration's surveys)", args.runs,
              lambda i: session.execute(sa.text(NAIVE_DASHBOARD),
                                        {"demo": demo_ids[i % demos]}).all())  # fmt: skip
        household_ids = [
            row[0]
            for row in session.execute(
                sa.text("SELECT id FROM households ORDER BY id LIMIT :n"), {"n": args.runs}
            )
        ]

        def family(i: int) -> object:
            actor = Principal(
                user_id=uuid.uuid4(), role=Role.FAMILY, session_id=uuid.uuid4(),
                household_id=household_ids[i % len(household_ids)],
            )  # fmt: skip
            return progress.my_progress(session, actor)

        timed("household progress (service)", args.runs, family)
        pick = household_ids.__getitem__
        timed("household progress (rollup row)", args.runs,
              lambda i: session.get(HouseholdProgress, pick(i % len(household_ids))))  # fmt: skip
        timed("all-partner measurement (rollups, SQL)", args.naive_runs,
              lambda i: session.execute(sa.text(ROLLUP_MEASUREMENT)).all())  # fmt: skip
        timed("all-partner measurement (naive: every survey)", args.naive_runs,
              lambda i: session.execute(sa.text(NAIVE_MEASUREMENT)).all())  # fmt: skip
        _check_measurement(session)
        _time_measurement(session, args.runs)
        session.rollback()
    with engine.begin() as connection:
        _spread(connection, org, args.organizations)
    with Session(engine) as session:
        print(f"demonstrations spread over {args.organizations} organizations:")
        _time_measurement(session, args.runs)
    return 0


PLATFORM_ADMIN = Principal(user_id=uuid.uuid4(), role=Role.PLATFORM_ADMIN, session_id=uuid.uuid4())


def _time_measurement(session: Session, runs: int) -> None:
    timed("measurement per organization (service)", runs,
          lambda i: measurement.for_platform(session, PLATFORM_ADMIN))  # fmt: skip
    timed("public measurement (service)", runs, lambda i: measurement.for_public(session))


def _check_measurement(session: Session) -> None:
    """The service's total income figures equal the bare rollup query's."""
    households, mean_change, median_change = session.execute(sa.text(ROLLUP_MEASUREMENT)).one()
    income = next(
        c for c in measurement.for_public(session).total.changes if c.indicator == "total_income"
    )
    assert income.households.value == households, "measurement: households differ"
    assert math.isclose(income.mean_change.value or 0, mean_change), "measurement: mean differs"
    assert income.median_change.value == median_change, "measurement: median differs"
    print("checked: measurement service == bare rollup query (total income)")


def _spread(connection: sa.Connection, org: uuid.UUID, organizations: int) -> None:
    """Move the demonstrations round-robin onto `organizations` partners (the first is `org`)."""
    connection.execute(
        sa.text(
            "INSERT INTO organizations (id, name, country, region, created_at) "
            "SELECT md5('o' || o)::uuid, 'Bench partner ' || o, 'US', 'Bench', now() "
            "FROM generate_series(1, :n - 1) AS o"
        ),
        {"n": organizations},
    )
    connection.execute(
        sa.text(
            "UPDATE demonstrations d SET organization_id = CASE WHEN s.k = 0 THEN :org "
            "ELSE md5('o' || s.k)::uuid END "
            "FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1) % :n AS k "
            "FROM demonstrations) s WHERE s.id = d.id"
        ),
        {"org": org, "n": organizations},
    )
    connection.exec_driver_sql("ANALYZE demonstrations")


def _demo_ids(engine: sa.Engine, demos: int) -> list[tuple[str]]:
    with engine.connect() as connection:
        return [
            (str(row[0]),)
            for row in connection.execute(
                select(col(Demonstration.id)).order_by(col(Demonstration.id))
            )
        ]


def _snapshot(session: Session, demo_id: uuid.UUID) -> tuple[list[object], list[object]]:
    progress_rows = session.exec(
        select(HouseholdProgress)
        .where(HouseholdProgress.demonstration_id == demo_id)
        .order_by(col(HouseholdProgress.household_id))
    ).all()
    stats = session.exec(
        select(DemonstrationMonthStats)
        .where(DemonstrationMonthStats.demonstration_id == demo_id)
        .order_by(col(DemonstrationMonthStats.friend_group_id), col(DemonstrationMonthStats.period))
    ).all()
    return (
        [r.model_dump(exclude={"updated_at"}) for r in progress_rows],
        [r.model_dump(exclude={"updated_at"}) for r in stats],
    )


if __name__ == "__main__":
    sys.exit(main())
