"""Train the two models that back up the rules (app/services/rules/*_model.json).

Usage (from the repository root, with the dev tools installed)::

    python3 bench/train_advice_model.py            # train on every labelled set, write the files
    python3 bench/train_advice_model.py --exclude liaison_messages_heldout5.jsonl --dry-run

The advice model's threshold is chosen by 5-fold cross-validation on the training messages: the
lowest threshold at which rules + model wrongly block at most 2% of neutral messages and 2% of
best-practice reports (phase II).

The report model (reports of other families against neutral messages) clears a report the
rules read when it scores the text under its threshold. That threshold is chosen by 5-fold
cross-validation too: the one that clears the most neutral messages net of the reports and
advice it clears (phase I must keep blocking both), never more than 0.5% of those. Its
near-zero weights are dropped: they do not change a verdict and would only cost memory in every
API worker.
scikit-learn is used only here; the API scores the JSON.
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
from app.services.rules.model import (  # noqa: E402
    MODEL_FILE,
    NOT_ADVICE_EITHER,
    REPORT_MODEL_FILE,
    TextModel,
    features,
)

DATA = ROOT / "tests" / "data"
OUTPUT = ROOT / "app" / "services" / "rules" / MODEL_FILE
REPORT_OUTPUT = ROOT / "app" / "services" / "rules" / REPORT_MODEL_FILE
REGULARIZATION = 4.0
MAX_NEUTRAL_BLOCKED = 0.02
MAX_BEST_PRACTICE_BLOCKED = 0.02
MAX_REPORTS_CLEARED = 0.005
NEGLIGIBLE_WEIGHT = 0.02


def load_sets(exclude: set[str]) -> list[dict[str, str]]:
    """Every labelled set in tests/data, minus the excluded file names."""
    rows: list[dict[str, str]] = []
    for path in sorted(DATA.glob("liaison_messages_*.jsonl")):
        if path.name in exclude:
            continue
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


def fit(rows: list[dict[str, str]], threshold: float = 0.5, positive: str = "advice") -> TextModel:
    """Logistic regression (``positive`` label vs the rest) on l2-normalized binary features."""
    vectorizer = DictVectorizer()
    pipeline = make_pipeline(
        vectorizer,
        Normalizer(),
        LogisticRegression(C=REGULARIZATION, class_weight="balanced", max_iter=5000),
    )
    samples = [dict.fromkeys(features(row["text"]), 1) for row in rows]
    pipeline.fit(samples, [row["label"] == positive for row in rows])
    classifier = pipeline[-1]
    weights = dict(zip(vectorizer.feature_names_, classifier.coef_[0].tolist(), strict=True))
    return TextModel(weights, float(classifier.intercept_[0]), threshold)


def fit_reports(rows: list[dict[str, str]], threshold: float = 0.5) -> TextModel:
    """The report model: reports of other families against neutral messages."""
    return shipped_form(_fit_reports_unpruned(rows), threshold)


def _fit_reports_unpruned(rows: list[dict[str, str]]) -> TextModel:
    return fit([row for row in rows if row["label"] != "advice"], positive="best_practice")


def shipped_form(model: TextModel, threshold: float) -> TextModel:
    """``model`` with ``threshold`` and without the weights too small to change a verdict."""
    kept = {f: w for f, w in model.weights.items() if abs(w) >= NEGLIGIBLE_WEIGHT}
    return TextModel(kept, model.intercept, threshold)


def rules_categories(rows: list[dict[str, str]]) -> list[str]:
    """What the hand-written rules alone call each message (phase II)."""
    return [
        str(
            evaluate_liaison_message(
                Phase.TWO, row["text"], language=row["lang"], use_model=False
            ).category
        )
        for row in rows
    ]


def cross_validated_probabilities(
    rows: list[dict[str, str]], folds: int = 5, positive: str = "advice"
) -> list[float]:
    """Each message's ``positive`` probability from a model that did not see it."""
    probabilities = [0.0] * len(rows)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=7)
    labels = [row["label"] for row in rows]
    for train_index, test_index in splitter.split(rows, labels):
        model = fit([rows[i] for i in train_index], positive=positive)
        for i in test_index:
            probabilities[i] = model.probability(rows[i]["text"])
    return probabilities


def choose_threshold(
    rows: list[dict[str, str]], probabilities: list[float], categories: list[str]
) -> float:
    """Lowest threshold keeping wrongly blocked neutral/best practice under the limits."""
    by_rules = [category == "advice" for category in categories]
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


def choose_report_threshold(
    rows: list[dict[str, str]], categories: list[str], advice: list[float], full: TextModel
) -> float:
    """Threshold clearing the most news net of what phase I must block (at most
    MAX_REPORTS_CLEARED of that).

    Advice is never in the report model's training data, so ``full`` (trained on all the rest)
    scores it unseen; the other messages are scored by the fold that left them out. A text is
    cleared only where the advice model (``advice``: probabilities from 5-fold CV) finds it
    unlike advice too, as in the classifier.
    """
    others = [i for i, row in enumerate(rows) if row["label"] != "advice"]
    unseen = cross_validated_probabilities([rows[i] for i in others], positive="best_practice")
    probabilities = dict(zip(others, unseen, strict=True))
    read_as_report = [
        (row["label"], probabilities[i] if i in probabilities else full.probability(row["text"]))
        for i, (row, category) in enumerate(zip(rows, categories, strict=True))
        if category == "best_practice" and advice[i] < NOT_ADVICE_EITHER
    ]
    protected = [p for label, p in read_as_report if label != "neutral"]
    news = [p for label, p in read_as_report if label == "neutral"]
    chosen, best = 0.0, 0
    for step in range(1, 51):
        threshold = step / 100
        lost = sum(p < threshold for p in protected)
        gained = sum(p < threshold for p in news)
        if step % 5 == 0:
            print(f"  at {threshold:.2f}: {gained} news, {lost} reports")
        if lost > MAX_REPORTS_CLEARED * len(protected):
            break
        if gained - lost > best:
            chosen, best = threshold, gained - lost
    cleared, lost = sum(p < chosen for p in news), sum(p < chosen for p in protected)
    print(f"report threshold {chosen:.2f} (5-fold CV): clears {cleared} of {len(news)} news the")
    print(f"  rules read as reports, and {lost} of {len(protected)} reports and advice")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], help="set file names to leave out")
    parser.add_argument("--dry-run", action="store_true", help="do not write the model file")
    args = parser.parse_args(argv)
    rows = load_sets(set(args.exclude))
    categories = rules_categories(rows)
    advice = cross_validated_probabilities(rows)
    threshold = choose_threshold(rows, advice, categories)
    model = fit(rows, threshold)
    print(f"trained on {len(rows)} messages; threshold {threshold:.2f} (5-fold CV)")
    full = _fit_reports_unpruned(rows)  # fitted once: it scores the advice, then ships
    reports = shipped_form(full, choose_report_threshold(rows, categories, advice, full))
    if not args.dry_run:
        for path, trained in ((OUTPUT, model), (REPORT_OUTPUT, reports)):
            path.write_text(trained.to_json() + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
