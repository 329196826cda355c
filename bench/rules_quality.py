"""Score the liaison-message detector (rules + advice model) on labelled sets.

Usage (from the repository root, dev tools installed)::

    python3 bench/rules_quality.py                  # every set, with the shipped model
    python3 bench/rules_quality.py --data a.jsonl   # one set
    python3 bench/rules_quality.py --cv             # leave-one-set-out cross-validation
    python3 bench/rules_quality.py --rules-only     # the hand-written rules alone

The detector has two parts: hand-written rules and two linear models (advice; reports of other
families) trained on these same sets (bench/train_advice_model.py). Scoring the shipped models
on their own training data says little, so ``--cv`` retrains them once per set with that set
left out and scores the set with those models: each set was written by a different author in
different voices, which is closer to the judge's unseen messages than a random k-fold split.
The rules themselves were tuned on every set, so the honest estimate of the rules is the FIRST
score of each set, taken before any tuning on it, recorded in tests/data/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.rules import Phase, evaluate_liaison_message  # noqa: E402
from app.services.rules.model import TextModel  # noqa: E402

DEFAULT_DATA = tuple(sorted((ROOT / "tests" / "data").glob("liaison_messages_*.jsonl")))

# How much each default set can be trusted as an estimate of unseen quality. Every set here
# has now been tuned on; its first (blind) score is the honest figure, kept in
# tests/data/README.md. Add a NEW set, score it once, and record that score before tuning.
SET_ROLES = {
    "liaison_messages_dev.jsonl": "dev set, TUNED ON",
    "liaison_messages_heldout.jsonl": "held-out 1, TUNED ON in later rounds",
    "liaison_messages_heldout2.jsonl": "held-out 2, blind first score recorded, then TUNED ON",
    "liaison_messages_heldout3.jsonl": "held-out 3, blind first score recorded, then TUNED ON",
    "liaison_messages_heldout4.jsonl": "held-out 4, blind first score recorded, then TUNED ON",
    "liaison_messages_heldout5.jsonl": "held-out 5, blind first scores recorded, then TUNED ON",
    "liaison_messages_heldout6.jsonl": "held-out 6, blind first score recorded, then TUNED ON",
    "liaison_messages_heldout7.jsonl": "held-out 7, blind final score of round 7, then TUNED ON",
    "liaison_messages_heldout9.jsonl": "held-out 9, blind final score of round 8, then TUNED ON",
    "liaison_messages_heldout8.jsonl": "held-out 8, blind first score recorded, then TUNED ON",
    "liaison_messages_heldout10.jsonl": "held-out 10, blind final score of round 9, then TUNED ON",
    "liaison_messages_heldout11.jsonl": "held-out 11, blind final score of round 9, then TUNED ON",
    "liaison_messages_heldout12.jsonl": "held-out 12, blind final score of round 10, then TUNED ON",
    "liaison_messages_heldout13.jsonl": "held-out 13, blind final score of round 11, then TUNED ON",
    "liaison_messages_heldout14.jsonl": "held-out 14, blind final score of round 12, then TUNED ON",
    "liaison_messages_heldout15.jsonl": "held-out 15, blind final score of round 13, then TUNED ON",
    "liaison_messages_heldout16.jsonl": "held-out 16, blind final score of round 14, then TUNED ON",
    "liaison_messages_heldout17.jsonl": "held-out 17, blind final score of round 15, then TUNED ON",
    "liaison_messages_heldout18.jsonl": "held-out 18, blind final score of round 16, then TUNED ON",
    "liaison_messages_heldout19.jsonl": "held-out 19, blind final score of round 17, then TUNED ON",
    "liaison_messages_heldout20.jsonl": "held-out 20, blind final score of round 18, then TUNED ON",
    "liaison_messages_heldout21.jsonl": "held-out 21, blind final score of round 19, then TUNED ON",
    "liaison_messages_heldout22.jsonl": "held-out 22, blind final score of round 19, then TUNED ON",
    "liaison_messages_heldout23.jsonl": "held-out 23, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout24.jsonl": "held-out 24, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout25.jsonl": "held-out 25, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout26.jsonl": "held-out 26, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout27.jsonl": "held-out 27, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout28.jsonl": "held-out 28, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout29.jsonl": "held-out 29, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout30.jsonl": "held-out 30, blind final score of round 20, then TUNED ON",
    "liaison_messages_heldout31.jsonl": "held-out 31, blind final score of round 21, then TUNED ON",
    "liaison_messages_heldout32.jsonl": "held-out 32, blind final score of round 21, then TUNED ON",
    "liaison_messages_heldout33.jsonl": "held-out 33, blind final score of round 22, then TUNED ON",
    "liaison_messages_heldout34.jsonl": "held-out 34, blind final score of round 22, then TUNED ON",
    "liaison_messages_heldout35.jsonl": "held-out 35, blind final score of round 23, then TUNED ON",
    "liaison_messages_heldout36.jsonl": "held-out 36, blind final score of round 23, then TUNED ON",
    "liaison_messages_heldout37.jsonl": "held-out 37, blind final score of round 24, then TUNED ON",
    "liaison_messages_heldout38.jsonl": "held-out 38, blind final score of round 24, then TUNED ON",
    "liaison_messages_heldout39.jsonl": "held-out 39, blind second look at round 24, then TUNED ON",
    "liaison_messages_heldout40.jsonl": "held-out 40, blind second look at round 24, then TUNED ON",
    "liaison_messages_heldout41.jsonl": "held-out 41, blind second look at round 24, then TUNED ON",
    "liaison_messages_heldout42.jsonl": "held-out 42, blind second look at round 24, then TUNED ON",
    "liaison_messages_heldout43.jsonl": "held-out 43, blind final score of round 25, then TUNED ON",
    "liaison_messages_heldout44.jsonl": "held-out 44, blind final score of round 25, then TUNED ON",
    "liaison_messages_heldout45.jsonl": "held-out 45, blind final score of round 25, then TUNED ON",
    "liaison_messages_heldout46.jsonl": "held-out 46, blind final score of round 25, then TUNED ON",
    "liaison_messages_heldout47.jsonl": "held-out 47, blind final score of round 26, then TUNED ON",
    "liaison_messages_heldout48.jsonl": "held-out 48, blind final score of round 26, then TUNED ON",
    "liaison_messages_heldout49.jsonl": "held-out 49, blind final score of round 26, then TUNED ON",
    "liaison_messages_heldout50.jsonl": "held-out 50, blind final score of round 26, then TUNED ON",
    "liaison_messages_heldout51.jsonl": "held-out 51, blind final score of round 27, then TUNED ON",
    "liaison_messages_heldout52.jsonl": "held-out 52, blind final score of round 27, then TUNED ON",
    "liaison_messages_heldout53.jsonl": "held-out 53, blind final score of round 27, then TUNED ON",
    "liaison_messages_heldout54.jsonl": "held-out 54, blind final score of round 27, then TUNED ON",
    "liaison_messages_heldout55.jsonl": "held-out 55, blind final score of round 28, then TUNED ON",
    "liaison_messages_heldout56.jsonl": "held-out 56, blind final score of round 28, then TUNED ON",
    "liaison_messages_heldout57.jsonl": "held-out 57, blind final score of round 28, then TUNED ON",
    "liaison_messages_heldout58.jsonl": "held-out 58, blind final score of round 28, then TUNED ON",
    "liaison_messages_heldout59.jsonl": "held-out 59, blind final score of round 29, then TUNED ON",
    "liaison_messages_heldout60.jsonl": "held-out 60, blind final score of round 29, then TUNED ON",
    "liaison_messages_heldout61.jsonl": "held-out 61, blind final score of round 29, then TUNED ON",
    "liaison_messages_heldout62.jsonl": "held-out 62, blind final score of round 29, then TUNED ON",
    "liaison_messages_heldout63.jsonl": "held-out 63, blind final score of round 30, then TUNED ON",
    "liaison_messages_heldout64.jsonl": "held-out 64, blind final score of round 30, then TUNED ON",
    "liaison_messages_heldout65.jsonl": "held-out 65, blind final score of round 30, then TUNED ON",
    "liaison_messages_heldout66.jsonl": "held-out 66, blind final score of round 30, then TUNED ON",
    "liaison_messages_heldout67.jsonl": "held-out 67, blind final score of round 31, then TUNED ON",
    "liaison_messages_heldout68.jsonl": "held-out 68, blind final score of round 31, then TUNED ON",
    "liaison_messages_heldout69.jsonl": "held-out 69, blind final score of round 31, then TUNED ON",
    "liaison_messages_heldout70.jsonl": "held-out 70, blind final score of round 31, then TUNED ON",
    "liaison_messages_heldout71.jsonl": "held-out 71, blind final score of round 32, then TUNED ON",
    "liaison_messages_heldout72.jsonl": "held-out 72, blind final score of round 32, then TUNED ON",
    "liaison_messages_heldout73.jsonl": "held-out 73, blind final score of round 32, then TUNED ON",
    "liaison_messages_heldout74.jsonl": "held-out 74, blind final score of round 32, then TUNED ON",
    "liaison_messages_heldout75.jsonl": "held-out 75, blind final score of round 33, then TUNED ON",
    "liaison_messages_heldout76.jsonl": "held-out 76, blind final score of round 33, then TUNED ON",
    "liaison_messages_heldout77.jsonl": "held-out 77, blind final score of round 33, then TUNED ON",
    "liaison_messages_heldout78.jsonl": "held-out 78, blind final score of round 33, then TUNED ON",
    "liaison_messages_heldout79.jsonl": "held-out 79, blind final score of round 34, then TUNED ON",
    "liaison_messages_heldout80.jsonl": "held-out 80, blind final score of round 34, then TUNED ON",
    "liaison_messages_heldout81.jsonl": "held-out 81, blind final score of round 34, then TUNED ON",
    "liaison_messages_heldout82.jsonl": "held-out 82, blind final score of round 34, then TUNED ON",
    "liaison_messages_heldout83.jsonl": "held-out 83, blind final score of round 35, then TUNED ON",
    "liaison_messages_heldout84.jsonl": "held-out 84, blind final score of round 35, then TUNED ON",
    "liaison_messages_heldout85.jsonl": "held-out 85, blind final score of round 35, then TUNED ON",
    "liaison_messages_heldout86.jsonl": "held-out 86, blind final score of round 35, then TUNED ON",
    "liaison_messages_heldout87.jsonl": "held-out 87, blind final score of round 36, then TUNED ON",
    "liaison_messages_heldout88.jsonl": "held-out 88, blind final score of round 36, then TUNED ON",
    "liaison_messages_heldout89.jsonl": "held-out 89, blind final score of round 36, then TUNED ON",
    "liaison_messages_heldout90.jsonl": "held-out 90, blind final score of round 36, then TUNED ON",
    "liaison_messages_heldout91.jsonl": "held-out 91, blind final score of round 37, then TUNED ON",
    "liaison_messages_heldout92.jsonl": "held-out 92, blind final score of round 37, then TUNED ON",
    "liaison_messages_heldout93.jsonl": "held-out 93, blind final score of round 37, then TUNED ON",
    "liaison_messages_heldout94.jsonl": "held-out 94, blind final score of round 37, then TUNED ON",
    "liaison_messages_heldout95.jsonl": "held-out 95, blind final score of round 38, then TUNED ON",
    "liaison_messages_heldout96.jsonl": "held-out 96, blind final score of round 38, then TUNED ON",
    "liaison_messages_heldout97.jsonl": "held-out 97, blind final score of round 38, then TUNED ON",
    "liaison_messages_heldout98.jsonl": "held-out 98, blind final score of round 38, then TUNED ON",
    "liaison_messages_heldout99.jsonl": "held-out 99, second look at round 38, then TUNED ON",
    "liaison_messages_heldout100.jsonl": "held-out 100, second look at round 38, then TUNED ON",
    "liaison_messages_heldout101.jsonl": "held-out 101, second look at round 38, then TUNED ON",
    "liaison_messages_heldout102.jsonl": "held-out 102, second look at round 38, then TUNED ON",
    "liaison_messages_heldout103.jsonl": "held-out 103, final score of round 39, then TUNED ON",
    "liaison_messages_heldout104.jsonl": "held-out 104, final score of round 39, then TUNED ON",
    "liaison_messages_heldout105.jsonl": "held-out 105, final score of round 39, then TUNED ON",
    "liaison_messages_heldout106.jsonl": "held-out 106, final score of round 39, then TUNED ON",
    "liaison_messages_heldout107.jsonl": "held-out 107, final score of round 40, then TUNED ON",
    "liaison_messages_heldout108.jsonl": "held-out 108, final score of round 40, then TUNED ON",
    "liaison_messages_heldout109.jsonl": "held-out 109, final score of round 40, then TUNED ON",
    "liaison_messages_heldout110.jsonl": "held-out 110, final score of round 40, then TUNED ON",
    "liaison_messages_heldout111.jsonl": "held-out 111, second look at round 40, then TUNED ON",
    "liaison_messages_heldout112.jsonl": "held-out 112, second look at round 40, then TUNED ON",
    "liaison_messages_heldout113.jsonl": "held-out 113, second look at round 40, then TUNED ON",
    "liaison_messages_heldout114.jsonl": "held-out 114, second look at round 40, then TUNED ON",
    "liaison_messages_heldout115.jsonl": "held-out 115, final score of round 41, then TUNED ON",
    "liaison_messages_heldout116.jsonl": "held-out 116, final score of round 41, then TUNED ON",
    "liaison_messages_heldout117.jsonl": "held-out 117, final score of round 41, then TUNED ON",
    "liaison_messages_heldout118.jsonl": "held-out 118, final score of round 41, then TUNED ON",
    "liaison_messages_heldout119.jsonl": "held-out 119, second look at round 41, then TUNED ON",
    "liaison_messages_heldout120.jsonl": "held-out 120, second look at round 41, then TUNED ON",
    "liaison_messages_heldout121.jsonl": "held-out 121, second look at round 41, then TUNED ON",
    "liaison_messages_heldout122.jsonl": "held-out 122, second look at round 41, then TUNED ON",
    "liaison_messages_heldout123.jsonl": "held-out 123, final score of round 42, then TUNED ON",
    "liaison_messages_heldout124.jsonl": "held-out 124, final score of round 42, then TUNED ON",
    "liaison_messages_heldout125.jsonl": "held-out 125, final score of round 42, then TUNED ON",
    "liaison_messages_heldout126.jsonl": "held-out 126, final score of round 42, then TUNED ON",
    "liaison_messages_heldout127.jsonl": "held-out 127, second look of round 42, then TUNED ON",
    "liaison_messages_heldout128.jsonl": "held-out 128, second look of round 42, then TUNED ON",
    "liaison_messages_heldout129.jsonl": "held-out 129, second look of round 42, then TUNED ON",
    "liaison_messages_heldout130.jsonl": "held-out 130, second look of round 42, then TUNED ON",
    "liaison_messages_heldout131.jsonl": "held-out 131, final score of round 43, then TUNED ON",
    "liaison_messages_heldout132.jsonl": "held-out 132, final score of round 43, then TUNED ON",
    "liaison_messages_heldout133.jsonl": "held-out 133, final score of round 43, then TUNED ON",
    "liaison_messages_heldout134.jsonl": "held-out 134, final score of round 43, then TUNED ON",
    "liaison_messages_heldout135.jsonl": "held-out 135, second look of round 43, then TUNED ON",
    "liaison_messages_heldout136.jsonl": "held-out 136, second look of round 43, then TUNED ON",
    "liaison_messages_heldout137.jsonl": "held-out 137, second look of round 43, then TUNED ON",
    "liaison_messages_heldout138.jsonl": "held-out 138, second look of round 43, then TUNED ON",
    "liaison_messages_heldout139.jsonl": "held-out 139, final score of round 44, then TUNED ON",
    "liaison_messages_heldout140.jsonl": "held-out 140, final score of round 44, then TUNED ON",
    "liaison_messages_heldout141.jsonl": "held-out 141, final score of round 44, then TUNED ON",
    "liaison_messages_heldout142.jsonl": "held-out 142, final score of round 44, then TUNED ON",
    "liaison_messages_heldout143.jsonl": "held-out 143, second look of round 44, then TUNED ON",
    "liaison_messages_heldout144.jsonl": "held-out 144, second look of round 44, then TUNED ON",
    "liaison_messages_heldout145.jsonl": "held-out 145, second look of round 44, then TUNED ON",
    "liaison_messages_heldout146.jsonl": "held-out 146, second look of round 44, then TUNED ON",
    "liaison_messages_heldout147.jsonl": "held-out 147, final score of round 45, rules TUNED ON",
    "liaison_messages_heldout148.jsonl": "held-out 148, final score of round 45, rules TUNED ON",
    "liaison_messages_heldout149.jsonl": "held-out 149, final score of round 45, rules TUNED ON",
    "liaison_messages_heldout150.jsonl": "held-out 150, final score of round 45, rules TUNED ON",
    "liaison_messages_heldout151.jsonl": "held-out 151, second look of round 45, rules TUNED ON",
    "liaison_messages_heldout152.jsonl": "held-out 152, second look of round 45, rules TUNED ON",
    "liaison_messages_heldout153.jsonl": "held-out 153, second look of round 45, rules TUNED ON",
    "liaison_messages_heldout154.jsonl": "held-out 154, second look of round 45, rules TUNED ON",
    "liaison_messages_heldout155.jsonl": "held-out 155, first look at round 46, NOT tuned on",
    "liaison_messages_heldout156.jsonl": "held-out 156, first look at round 46, NOT tuned on",
    "liaison_messages_heldout157.jsonl": "held-out 157, first look at round 46, NOT tuned on",
    "liaison_messages_heldout158.jsonl": "held-out 158, first look at round 46, NOT tuned on",
    "liaison_messages_heldout159.jsonl": "held-out 159, first look at round 46, NOT tuned on",
    "liaison_messages_heldout160.jsonl": "held-out 160, first look at round 46, NOT tuned on",
    "liaison_messages_heldout161.jsonl": "held-out 161, first look at round 46, NOT tuned on",
    "liaison_messages_heldout162.jsonl": "held-out 162, first look at round 46, NOT tuned on",
    "liaison_messages_heldout163.jsonl": "held-out 163, second look at round 46, NOT tuned on",
    "liaison_messages_heldout164.jsonl": "held-out 164, second look at round 46, NOT tuned on",
    "liaison_messages_heldout165.jsonl": "held-out 165, second look at round 46, NOT tuned on",
    "liaison_messages_heldout166.jsonl": "held-out 166, second look at round 46, NOT tuned on",
    "liaison_messages_heldout167.jsonl": "held-out 167, second look at round 46, NOT tuned on",
    "liaison_messages_heldout168.jsonl": "held-out 168, second look at round 46, NOT tuned on",
    "liaison_messages_heldout169.jsonl": "held-out 169, second look at round 46, NOT tuned on",
    "liaison_messages_heldout170.jsonl": "held-out 170, second look at round 46, NOT tuned on",
    "liaison_messages_developer.jsonl": "by the developers (courtesy, app help), training only",
}


@dataclass(frozen=True)
class Outcome:
    """One message evaluated in one phase."""

    id: str
    lang: str
    label: str
    text: str
    phase: Phase
    allowed: bool
    category: str

    @property
    def correct(self) -> bool:
        expected = self.label == "neutral" or (
            self.label == "best_practice" and self.phase is Phase.TWO
        )
        return self.allowed == expected


def load(path: Path) -> list[dict[str, str]]:
    """Labelled messages, one JSON object per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(
    rows: list[dict[str, str]],
    model: TextModel | None = None,
    report_model: TextModel | None = None,
    use_model: bool = True,
) -> list[Outcome]:
    """Run every message through both phases, with its language as the hint."""
    outcomes = []
    for row in rows:
        for phase in Phase:
            verdict = evaluate_liaison_message(
                phase,
                row["text"],
                language=row["lang"],
                model=model,
                report_model=report_model,
                use_model=use_model,
            )
            outcomes.append(
                Outcome(
                    row["id"],
                    row["lang"],
                    row["label"],
                    row["text"],
                    phase,
                    verdict.allowed,
                    str(verdict.category),
                )
            )
    return outcomes


def _share(hits: int, total: int) -> str:
    return f"{hits / total:6.1%} ({hits}/{total})" if total else "   n/a"


def report(name: str, outcomes: list[Outcome]) -> None:
    """Print per phase and language quality figures, then the misclassified messages."""
    print(f"\n=== {name} ===")
    for phase in Phase:
        for lang in ("en", "es", "all"):
            rows = [o for o in outcomes if o.phase is phase and lang in (o.lang, "all")]
            advice = [o for o in rows if o.label == "advice"]
            neutral = [o for o in rows if o.label == "neutral"]
            best = [o for o in rows if o.label == "best_practice"]
            advice_blocked = _share(sum(not o.allowed for o in advice), len(advice))
            neutral_blocked = _share(sum(not o.allowed for o in neutral), len(neutral))
            line = (
                f"phase {phase.value:<2} {lang:<3} advice blocked {advice_blocked}"
                f" | neutral wrongly blocked {neutral_blocked}"
            )
            wrong_best = (
                sum(not o.allowed for o in best)
                if phase is Phase.TWO
                else sum(o.allowed for o in best)
            )
            what = "wrongly blocked" if phase is Phase.TWO else "wrongly allowed"
            line += f" | best practice {what} {_share(wrong_best, len(best))}"
            line += f" | accuracy {_share(sum(o.correct for o in rows), len(rows))}"
            print(line)
    wrong = [o for o in outcomes if not o.correct]
    print(f"misclassified ({len(wrong)} message-phase pairs):")
    for o in wrong:
        print(
            f"  [{o.id} {o.lang} phase {o.phase.value}] label={o.label} got={o.category}"
            f" allowed={o.allowed}: {o.text}"
        )


def leave_one_set_out(paths: list[Path]) -> None:
    """Score each set with advice and report models trained on all the other sets."""
    from train_advice_model import fit, fit_reports  # scikit-learn: a dev tool, imported here

    from app.services.rules.model import shipped_model, shipped_report_model

    sets = {path: load(path) for path in paths if path.exists()}
    pooled: list[Outcome] = []
    for path, rows in sets.items():
        others = [row for other, other_rows in sets.items() if other != path for row in other_rows]
        model = fit(others, shipped_model().threshold)
        reports = fit_reports(others, shipped_report_model().threshold)
        outcomes = evaluate(rows, model, reports)
        pooled += outcomes
        report(f"{path.name} — scored by a model that never saw it (rules tuned on it)", outcomes)
    report("all sets pooled, leave-one-set-out", pooled)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", type=Path, default=list(DEFAULT_DATA))
    parser.add_argument("--cv", action="store_true", help="leave-one-set-out for the model")
    parser.add_argument("--rules-only", action="store_true", help="no advice model")
    args = parser.parse_args(argv)
    if args.cv:
        leave_one_set_out(args.data)
        return 0
    print("Detector: " + ("hand-written rules only" if args.rules_only else "rules + model"))
    print("Honest estimates: the blind first scores in tests/data/README.md; --cv for the model.")
    for path in args.data:
        if not path.exists():
            print(f"\n(skipped missing {path})")
            continue
        role = SET_ROLES.get(path.name, "unclassified set")
        report(f"{path.name} — {role}", evaluate(load(path), use_model=not args.rules_only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
