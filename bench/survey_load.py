"""Survey submission under load, against a trivial endpoint of the same server in the same run.

Usage (from the repository root; needs PostgreSQL)::

    .venv/bin/python bench/survey_load.py                       # defaults below
    .venv/bin/python bench/survey_load.py --clients 32 --seconds 15 --workers 2

It creates a scratch database on the server (`--admin-url`), migrates it, seeds households
with signed-in family members, starts `mutuality serve --workers N` on 127.0.0.1, and drives
`--clients` concurrent clients (threads, one keep-alive connection each) for `--seconds`:
first `GET /healthz`, then `PUT /v1/me/surveys/{period}` with realistic bodies (every request
a new survey: a household and a month not sent before), then both mixed. It prints
requests/s and p50/p95/p99 latency of each, and the ratios. The database is dropped after.

On a shared machine the rates move with whatever else runs; the CPU time the server's
processes and the bench database's PostgreSQL backends spent per request (read from /proc,
Linux only) moves much less, so each phase also prints it.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from queue import Empty, Queue

import httpx
import sqlalchemy as sa
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlmodel import Session  # noqa: E402

from app import migrations  # noqa: E402
from app.config import Settings, normalize_database_url  # noqa: E402
from app.models.base import utcnow  # noqa: E402
from app.models.demonstration import Demonstration  # noqa: E402
from app.models.friend_group import FriendGroup  # noqa: E402
from app.models.household import Household  # noqa: E402
from app.models.organization import Organization  # noqa: E402
from app.models.user import Role, User  # noqa: E402
from app.services import auth  # noqa: E402

SECRET = "bench-secret-key-that-is-long-enough-for-hs256"
MONTHS_ENROLLED = 24


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per process group
    replaced: int = 0  # server processes gone during the phase (killed or crashed workers)
    connected: int | None = None  # database connections the server opened during the phase

    def line(self, name: str) -> str:
        if not self.latencies:
            return f"{name:<22} no successful requests; errors {self.errors}"
        ordered = sorted(self.latencies)
        rate = len(ordered) / self.elapsed

        def pct(p: float) -> float:
            return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

        cpu = "".join(
            f"   {group} CPU {seconds / len(ordered) * 1000:5.2f} ms/req"
            for group, seconds in self.cpu.items()
        )
        return (
            f"{name:<22} {len(ordered):>6} ok  {rate:8.1f} req/s   p50 {pct(0.50):7.1f} ms"
            f"   p95 {pct(0.95):7.1f} ms   p99 {pct(0.99):7.1f} ms   errors {self.errors or 0}"
            f"{cpu}{self._notes()}"
        )

    def _notes(self) -> str:
        notes = ""
        if self.connected:
            notes += f"   {self.connected} connections opened"
        if self.replaced:
            notes += f"   {self.replaced} server processes replaced"
        return notes

    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")


def months_back(count: int) -> list[str]:
    now = utcnow()
    index = now.year * 12 + now.month - 1
    return [f"{(index - n) // 12:04d}-{(index - n) % 12 + 1:02d}" for n in range(count)]


def realistic_answers(rng: random.Random) -> dict[str, object]:
    kinds = ["money", "childcare", "food", "transport", "advice", "other"]
    return {
        "income_work": rng.randrange(0, 400_000),
        "income_business": rng.randrange(0, 150_000),
        "income_other": rng.randrange(0, 50_000),
        "savings": rng.randrange(0, 300_000),
        "debt": rng.randrange(0, 900_000),
        "members_employed": rng.randrange(0, 4),
        "businesses_run": rng.randrange(0, 3),
        "children_in_school": rng.randrange(0, 5),
        "anyone_unable_to_work": rng.random() < 0.2,
        "rent_on_time": rng.choice(["yes", "no", "not_renting"]),
        "help_given_count": rng.randrange(0, 12),
        "help_given_kinds": rng.sample(kinds, rng.randrange(0, 4)),
        "help_received_count": rng.randrange(0, 12),
        "help_received_kinds": rng.sample(kinds, rng.randrange(0, 4)),
    }


def seed(url: str, households: int) -> list[str]:
    """Households enrolled two years ago, each with a signed-in family member: their tokens."""
    settings = Settings(DATABASE_URL=url, secret_key=SECRET)
    engine = sa.create_engine(settings.resolved_database_url)
    with engine.begin() as connection:
        migrations.upgrade(connection=connection)
    tokens = []
    enrolled = utcnow() - timedelta(days=31 * MONTHS_ENROLLED)
    with Session(engine, expire_on_commit=False) as session:
        organization = Organization(name="Bench partner", country="US", region="Oakland")
        session.add(organization)
        session.flush()
        demonstration = Demonstration(
            organization_id=organization.id,
            name="Bench",
            area="Fruitvale",
            country="US",
            languages=["en", "es"],
            stipend_amount_minor=2500,
            stipend_currency="USD",
            started_on=enrolled.date(),
        )
        session.add(demonstration)
        session.flush()
        clock = auth.Clocked(settings, utcnow())
        for number in range(households):
            group = FriendGroup(demonstration_id=demonstration.id)
            session.add(group)
            session.flush()
            household = Household(
                demonstration_id=demonstration.id,
                friend_group_id=group.id,
                is_seed=True,
                label=f"Household {number}",
                preferred_language="en",
                created_at=enrolled,
                updated_at=enrolled,
            )
            session.add(household)
            session.flush()
            user = User(role=Role.FAMILY, phone=f"+1415{number:07d}", household_id=household.id)
            session.add(user)
            session.flush()
            tokens.append(auth.start_session(session, clock, user).access_token)
        session.commit()
    engine.dispose()
    return tokens


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process /proc shows; empty off Linux."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        found.append((int(entry.name), int(fields[1]), command))
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


class CpuMeter:
    """CPU time of the server (its process tree) and of PostgreSQL's backends of one database,
    and the connections opened to that database (a pool too small for the load reconnects)."""

    def __init__(self, server_pid: int, database: str, admin: sa.Engine) -> None:
        self.server_pid = server_pid
        self.database = database
        self.admin = admin

    def connections(self) -> int | None:
        """Sessions ever opened to the database (PostgreSQL 14+; its statistics lag ~1 s)."""
        try:
            with self.admin.connect() as connection:
                connection.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
                return connection.execute(
                    sa.text("SELECT sessions FROM pg_stat_database WHERE datname = :name"),
                    {"name": self.database},
                ).scalar()
        except sa.exc.DBAPIError:
            return None

    def groups(self) -> dict[str, list[int]]:
        processes = _processes()
        tree = {self.server_pid}
        grew = True
        while grew:
            children = {pid for pid, parent, _ in processes if parent in tree} - tree
            tree |= children
            grew = bool(children)
        backends = [
            pid
            for pid, _, command in processes
            if command.startswith("postgres: ") and f" {self.database} " in command
        ]
        return {"server": sorted(tree), "postgres": backends}

    def sample(self) -> tuple[dict[str, float], set[int]]:
        """CPU seconds per group so far, and the server's processes. A process that ends takes
        its CPU time with it, so the figures of a phase in which one ended are too low."""
        groups = self.groups()
        cpu = {group: sum(_cpu_seconds(pid) for pid in pids) for group, pids in groups.items()}
        return cpu, set(groups["server"])


def measured(meter: CpuMeter | None, run: Callable[[], Stats]) -> Stats:
    if meter is None:
        return run()
    before, processes = meter.sample()
    opened = meter.connections()
    stats = run()
    time.sleep(1)  # let PostgreSQL's statistics catch up
    after, still = meter.sample()
    stats.cpu = {group: after[group] - before.get(group, 0.0) for group in after}
    stats.replaced = len(processes - still)
    now_opened = meter.connections()
    if opened is not None and now_opened is not None:
        stats.connected = now_opened - opened
    return stats


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    url: str, port: int, workers: int, data_dir: str, pool_size: int | None
) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "DATABASE_URL": url,
        "MUTUALITY_SECRET_KEY": SECRET,
        "MUTUALITY_DATA_DIR": data_dir,
        "MUTUALITY_LOG_LEVEL": "WARNING",
    }
    if pool_size is not None:
        env["MUTUALITY_DB_POOL_SIZE"] = str(pool_size)
    command = [
        str(ROOT / ".venv" / "bin" / "mutuality"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-migrate",
    ]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def drive(
    base: str,
    clients: int,
    seconds: float,
    work: Queue[tuple[str, str, dict[str, object]] | None] | None,
) -> Stats:
    """`clients` threads for `seconds`: /healthz when `work` is None, else surveys from it."""
    stats = Stats()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        latencies: list[float] = []
        errors: dict[int, int] = {}
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                if work is None:
                    method, url, body, headers = "GET", "/healthz", None, None
                else:
                    try:
                        item = work.get_nowait()
                    except Empty:
                        break
                    if item is None:
                        break
                    token, period, body = item
                    method, url = "PUT", f"/v1/me/surveys/{period}"
                    headers = {"Authorization": f"Bearer {token}"}
                started = time.perf_counter()
                try:
                    response = http.request(method, url, json=body, headers=headers)
                except httpx.TransportError:
                    # A dropped connection (say a worker killed mid-request) is counted as
                    # status 0; it must not end this client's thread.
                    errors[0] = errors.get(0, 0) + 1
                    continue
                took = time.perf_counter() - started
                if response.status_code in (200, 201):
                    latencies.append(took)
                else:
                    errors[response.status_code] = errors.get(response.status_code, 0) + 1
        with lock:
            stats.latencies.extend(latencies)
            for code, count in errors.items():
                stats.errors[code] = stats.errors.get(code, 0) + count

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stats.elapsed = time.monotonic() - started
    return stats


def survey_work(
    tokens: list[str], rng: random.Random
) -> Queue[tuple[str, str, dict[str, object]] | None]:
    """Every (household, month) once, shuffled: each request is a new survey."""
    queue: Queue[tuple[str, str, dict[str, object]] | None] = Queue()
    pairs = [(token, period) for token in tokens for period in months_back(MONTHS_ENROLLED)]
    rng.shuffle(pairs)
    for token, period in pairs:
        body = {
            "client_submission_id": str(uuid.uuid4()),
            "form_version": 1,
            "answers": realistic_answers(rng),
        }
        queue.put((token, period, body))
    return queue


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--households", type=int, default=400)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--pool-size",
        type=int,
        default=20,
        help="MUTUALITY_DB_POOL_SIZE of the server (connections kept per worker); "
        "0 leaves the setting's default",
    )
    args = parser.parse_args()
    if not 1 <= args.clients <= 256 or not 1 <= args.seconds <= 300:
        raise SystemExit("keep --clients within 1..256 and --seconds within 1..300")

    admin_url = normalize_database_url(args.admin_url)
    name = f"mutuality_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    server = None
    try:
        print(f"seeding {args.households} households in {name} …", flush=True)
        tokens = seed(url, args.households)
        port = free_port()
        with tempfile.TemporaryDirectory() as data_dir:
            server = start_server(url, port, args.workers, data_dir, args.pool_size or None)
            base = f"http://127.0.0.1:{port}"
            rng = random.Random(4)
            work = survey_work(tokens, rng)
            drive(base, 4, 2, None)  # warm up both workers' pools
            print(
                f"{args.clients} clients, {args.seconds:.0f} s per phase, "
                f"{args.workers} workers, {os.cpu_count()} CPUs, "
                f"pool size {args.pool_size or 'default'}",
                flush=True,
            )
            on_linux = Path("/proc/self/stat").exists()
            meter = CpuMeter(server.pid, name, admin) if on_linux else None
            health = measured(meter, lambda: drive(base, args.clients, args.seconds, None))
            print(health.line("GET /healthz"), flush=True)
            submit = measured(meter, lambda: drive(base, args.clients, args.seconds, work))
            print(submit.line("PUT /v1/me/surveys"), flush=True)
            half = max(args.clients // 2, 1)
            mixed: dict[str, Stats] = {}
            threads = [
                threading.Thread(
                    target=lambda: mixed.__setitem__(
                        "health", drive(base, half, args.seconds, None)
                    )
                ),
                threading.Thread(
                    target=lambda: mixed.__setitem__(
                        "submit", drive(base, half, args.seconds, work)
                    )
                ),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(mixed["health"].line("mixed: GET /healthz"))
            print(mixed["submit"].line("mixed: PUT surveys"))
            print(
                f"ratio healthz/submit: throughput {health.rate() / max(submit.rate(), 1e-9):.1f}x,"
                f" p50 latency {submit.p50() / health.p50():.1f}x"
            )
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
