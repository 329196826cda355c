"""Train the advice model that backs up the rules (app/services/rules/advice_model.json).

Usage (from the repository root, with the dev tools installed)::

    python3 bench/train_advice_model.py            # train on every labelled set, write the file
    python3 bench/train_advice_model.py --exclude liaison_messages_heldout5.jsonl --dry-run

The decision threshold is chosen by 5-fold cross-validation on the training messages: the
lowest threshold at which rules + model wrongly block at most 2% of neutral messages and 2% of
best-practice reports (phase II). scikit-learn is used only here; the API scores the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import Normalizer  # noqa: E402

from app.services.rules import Phase, evaluate_liaison_message  # noqa: E402
from app.services.rules.model import MODEL_FILE, AdviceModel, features  # noqa: E402

DATA = ROOT / "tests" / "data"
OUTPUT = ROOT / "app" / "services" / "rules" / MODEL_FILE
REGULARIZATION = 4.0
MAX_NEUTRAL_BLOCKED = 0.02
MAX_BEST_PRACTICE_BLOCKED = 0.02


def load_sets(exclude: set[str]) -> list[dict[str, str]]:
    """Every labelled set in tests/data, minus the excluded file names."""
    rows: list[dict[str, str]] = []
    for path in sorted(DATA.glob("liaison_messages_*.jsonl")):
        if path.name in exclude:
            continue
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


def fit(rows: list[dict[str, str]], threshold: float = 0.5) -> AdviceModel:
    """Logistic regression (advice vs the rest) on l2-normalized binary features."""
    vectorizer = DictVectorizer()
    pipeline = make_pipeline(
        vectorizer,
        Normalizer(),
        LogisticRegression(C=REGULARIZATION, class_weight="balanced", max_iter=5000),
    )
    samples = [dict.fromkeys(features(row["text"]), 1) for row in rows]
    pipeline.fit(samples, [row["label"] == "advice" for row in rows])
    classifier = pipeline[-1]
    weights = dict(zip(vectorizer.feature_names_, classifier.coef_[0].tolist(), strict=True))
    return AdviceModel(weights, float(classifier.intercept_[0]), threshold)


def rules_block(row: dict[str, str]) -> bool:
    """Do the hand-written rules alone call this message advice?"""
    verdict = evaluate_liaison_message(
        Phase.TWO, row["text"], language=row["lang"], use_model=False
    )
    return str(verdict.category) == "advice"


def cross_validated_probabilities(rows: list[dict[str, str]], folds: int = 5) -> list[float]:
    """Each message's advice probability from a model that did not see it."""
    probabilities = [0.0] * len(rows)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=7)
    labels = [row["label"] for row in rows]
    for train_index, test_index in splitter.split(rows, labels):
        model = fit([rows[i] for i in train_index])
        for i in test_index:
            probabilities[i] = model.probability(rows[i]["text"])
    return probabilities


def choose_threshold(rows: list[dict[str, str]], probabilities: list[float]) -> float:
    """Lowest threshold keeping wrongly blocked neutral/best practice under the limits."""
    by_rules = [rules_block(row) for row in rows]
    for step in range(50, 100):
        threshold = step / 100
        blocked = [r or p >= threshold for r, p in zip(by_rules, probabilities, strict=True)]
        neutral = [b for b, row in zip(blocked, rows, strict=True) if row["label"] == "neutral"]
        best = [b for b, row in zip(blocked, rows, strict=True) if row["label"] == "best_practice"]
        if sum(neutral) <= MAX_NEUTRAL_BLOCKED * len(neutral) and sum(
            best
        ) <= MAX_BEST_PRACTICE_BLOCKED * len(best):
            return threshold
    return 0.99


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], help="set file names to leave out")
    parser.add_argument("--dry-run", action="store_true", help="do not write the model file")
    args = parser.parse_args(argv)
    rows = load_sets(set(args.exclude))
    threshold = choose_threshold(rows, cross_validated_probabilities(rows))
    model = fit(rows, threshold)
    print(f"trained on {len(rows)} messages; threshold {threshold:.2f} (5-fold CV)")
    if not args.dry_run:
        OUTPUT.write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
