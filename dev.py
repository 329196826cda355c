#!/usr/bin/env python3
"""Routine tasks on a fresh clone, needing only Python 3.11+:

    python3 dev.py serve    install into .venv, migrate the SQLite database, load the demo
                            program (once), start the API
    python3 dev.py test     install into .venv (with test tools), run the whole test suite

Anything after the task name goes to the underlying command (`mutuality serve`, `pytest`).
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def ensure_installed(extras: str) -> None:
    """Install the project (editable) unless the same pyproject was installed already."""
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print("creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{digest[:16]}"
    if stamp.exists():
        return
    print("installing dependencies into .venv (first run only) ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f".{extras}"], check=True, cwd=ROOT)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "test"}:
        print(__doc__)
        return 2
    task, rest = argv[0], argv[1:]
    os.chdir(ROOT)
    ensure_installed("[dev]")  # one environment for both tasks, so switching costs nothing
    if task == "serve":
        command = [str(BIN / "mutuality"), "serve", "--demo", *rest]
    else:
        command = [str(BIN / "python"), "-m", "pytest", *rest]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
