"""Time the liaison-message detector: typical messages, and long unpunctuated worst cases.

Usage (from the repository root, dev tools installed)::

    python3 bench/rules_speed.py

Every staff-to-family text goes through the detector inside a request, so a verdict must stay
cheap, and a long message (the API accepts up to 1,000 characters; the module itself takes any
length) must not cost more than linearly. Report ratios or note the machine: timings are noisy.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.rules import Phase, evaluate_liaison_message  # noqa: E402

WORST_CASES = {
    "modal repeated": "you should ",
    "command repeated, one sentence": "Pay the rent, ",
    "short sentences": "ok. ",
    "Spanish commands": "Ahorre. ",
}


def _seconds(texts: list[str], **options: object) -> float:
    start = time.perf_counter()
    for text in texts:
        evaluate_liaison_message(Phase.TWO, text, **options)  # type: ignore[arg-type]
    return time.perf_counter() - start


def main() -> int:
    path = ROOT / "tests" / "data" / "liaison_messages_dev.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line]
    _seconds(texts[:5])  # load the model and the dictionaries once
    full = _seconds(texts) / len(texts)
    rules = _seconds(texts, use_model=False) / len(texts)
    print(
        f"typical message ({len(texts)} dev messages): {full * 1000:.1f} ms with the model,"
        f" {rules * 1000:.1f} ms rules alone"
    )
    for name, unit in WORST_CASES.items():
        for length in (1_000, 10_000):
            text = unit * (length // len(unit))
            print(f"{name:32} {length:>6} chars: {_seconds([text]) * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
