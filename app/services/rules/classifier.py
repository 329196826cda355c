"""evaluate_liaison_message: classify the text, then apply the phase policy.

Policy choices (see the package docstring for the full list):

* The text decides the category; a declared intent can only make the verdict stricter.
* Both the English and the Spanish detectors always run, whatever the language, so mixed
  messages ("Great job! ahorre el apoyo") cannot slip between them.
* Unsupported language (a hint like "fr", or a text detected as neither English nor
  Spanish): the verdict is blocked with ``language.unsupported`` because it could not be
  checked, unless the text is empty or has no letters at all (emoji, numbers).
"""

from __future__ import annotations

import re

from app.services.rules import patterns_en, patterns_es
from app.services.rules.engine import (
    Detection,
    Finding,
    Profile,
    blank,
    detect,
    only_open_questions,
    refusals,
    survey_wording,
)
from app.services.rules.language import (
    SUPPORTED,
    detect_language,
    explain,
    has_letters,
    primary_subtag,
)
from app.services.rules.model import (
    CLEARLY_NOT_ADVICE,
    NOT_ADVICE_EITHER,
    TextModel,
    shipped_model,
    shipped_report_model,
)
from app.services.rules.verdict import (
    Category,
    Intent,
    Phase,
    Reason,
    Verdict,
    parse_intent,
    parse_phase,
)

PROFILES: tuple[Profile, ...] = (patterns_en.PROFILE, patterns_es.PROFILE)
# Rules that read a command from where a word stands ("Cut their trip cost in half, they
# said" opens on a verb) guess; the model may clear such a guess. Forms that direct by
# themselves ("you should", "if I were you", a warning) always stand.
GUESSED_FROM_POSITION = frozenset(
    {
        "advice.imperative",
        "advice.softened_suggestion",
        "advice.steering_question",
        "advice.referral",
        "advice.norm_statement",
        "advice.make_sure",
    }
)


def _reason(original: str, detection: Detection, finding: Finding, language: str) -> Reason:
    start, end = detection.normalized.original_span(finding.start, finding.end)
    category = (
        Category.ADVICE if finding.rule_id.startswith("advice.") else (Category.BEST_PRACTICE)
    )
    return Reason(
        rule_id=finding.rule_id,
        category=category,
        span=original[start:end],
        start=start,
        end=end,
        explanation=explain(finding.rule_id, language),
    )


def _whole_text_reason(original: str, rule_id: str, category: Category, language: str) -> Reason:
    return Reason(rule_id, category, original, 0, len(original), explain(rule_id, language))


def _dedupe(reasons: list[Reason]) -> tuple[Reason, ...]:
    """Same rule on overlapping spans (found by both languages) is reported once."""
    kept: list[Reason] = []
    for reason in sorted(reasons, key=lambda r: (r.start, -(r.end - r.start), r.rule_id)):
        if any(k.rule_id == reason.rule_id and k.start <= reason.start < k.end for k in kept):
            continue
        kept.append(reason)
    return tuple(kept)


def _resolve_language(text: str, hint: str | None) -> tuple[str, bool]:
    if hint is not None and hint.strip():
        code = primary_subtag(hint)
        return code, code in SUPPORTED
    return detect_language(text)


# A command that forbids ("no aceptés menos de 200", "never buy on credit") is no guess from
# position: the negation is in the span or just before it.
_PROHIBITION = re.compile(r"\b(?:no|don't|dont|do\s+not|never|nunca)\s*$", re.IGNORECASE)


def _cleared(text: str, reason: Reason, sentences: list[tuple[int, int, float]]) -> bool:
    """Is ``reason`` a guess in sentences the model finds plainly not advice?"""
    end = max(reason.end, reason.start + 1)
    touched = [p for start, stop, p in sentences if start < end and reason.start < stop]
    first_word = " ".join(reason.span.split()[:1])
    forbids = _PROHIBITION.search(text[: reason.start]) or _PROHIBITION.search(first_word)
    return (
        reason.rule_id in GUESSED_FROM_POSITION
        and not forbids
        and all(p < CLEARLY_NOT_ADVICE for p in touched)
    )


def _model_reason(text: str, model: TextModel, language: str) -> Reason | None:
    evidence = model.advice_evidence(text)
    if evidence is None:
        return None
    explanation = explain("advice.model", language)
    if evidence.top_words:
        explanation += " (" + ", ".join(f"“{word}”" for word in evidence.top_words) + ")"
    span = text[evidence.start : evidence.end]
    return Reason("advice.model", Category.ADVICE, span, evidence.start, evidence.end, explanation)


def classify(
    text: str,
    language: str,
    model: TextModel | None = None,
    report_model: TextModel | None = None,
) -> tuple[Category, tuple[Reason, ...]]:
    """Category of ``text`` and the reasons found, explained in ``language``.

    The rules run first; ``model`` (if any) may clear a rule's guess in a sentence it finds
    plainly not advice, and may add an advice reason the rules did not find. ``report_model``
    (if any) may clear a report the rules read in a text it finds plainly not a report.
    """
    advice: list[Reason] = []
    peer: list[Reason] = []
    detections = [(profile, detect(profile, text)) for profile in PROFILES]
    for _, detection in detections:
        advice += [_reason(text, detection, f, language) for f in detection.advice]
        peer += [_reason(text, detection, f, language) for f in detection.peer]
    refused = [span for profile, found in detections for span in refusals(profile, found)]
    advice = [r for r in advice if not any(start <= r.start < end for start, end in refused)]
    if model is not None and any(r.rule_id in GUESSED_FROM_POSITION for r in advice):
        sentences = model.sentence_probabilities(text)
        advice = [r for r in advice if not _cleared(text, r, sentences)]
    # Open questions learn ("¿cuántas horas trabaja ahora?"); the model's word weights must not
    # turn a verification question about life into advice. Steering questions have rules. Nor
    # may they overrule a liaison who says they cannot advise ("eso lo decidís vos").
    if (
        not advice
        and model is not None
        and not any(only_open_questions(profile, found) for profile, found in detections)
        and not refused
    ):
        survey = [span for profile, found in detections for span in survey_wording(profile, found)]
        found = _model_reason(blank(text, survey), model, language)
        advice += [found] if found else []
    if advice:
        return Category.ADVICE, _dedupe(advice) + _dedupe(peer)
    if peer and not _is_news(text, peer, model, report_model):
        return Category.BEST_PRACTICE, _dedupe(peer)
    return Category.NEUTRAL, ()


def _is_news(
    text: str, peer: list[Reason], model: TextModel | None, report_model: TextModel | None
) -> bool:
    """Did the rules only guess a report (another family named beside a verb) in a text both
    models find plainly unlike any report and any advice? A pointer to a feed post is no guess."""
    return (
        model is not None
        and report_model is not None
        and all(reason.rule_id == "best_practice.peer_report" for reason in peer)
        and report_model.probability(text) < report_model.threshold
        and model.probability(text) < NOT_ADVICE_EITHER
    )


def evaluate_liaison_message(
    phase: Phase | str,
    text: str,
    *,
    intent: Intent | str | None = None,
    language: str | None = None,
    model: TextModel | None = None,
    report_model: TextModel | None = None,
    use_model: bool = True,
) -> Verdict:
    """Decide whether a liaison may send ``text`` to a family in ``phase``.

    ``model`` and ``report_model`` replace the shipped models (cross-validation);
    ``use_model=False`` judges by the hand-written rules alone.
    """
    phase = parse_phase(phase)
    declared = parse_intent(intent)
    text = text if isinstance(text, str) else str(text)
    code, supported = _resolve_language(text, language)
    if not text.strip():
        return Verdict(True, Category.NEUTRAL, (), code, supported, phase, declared)
    explain_in = code if code in SUPPORTED else "en"
    backup = (model or shipped_model()) if use_model else None
    reports = (report_model or shipped_report_model()) if use_model else None
    category, reasons = classify(text, explain_in, backup, reports)
    extra: list[Reason] = []
    if not supported and has_letters(text):
        extra.append(_whole_text_reason(text, "language.unsupported", category, explain_in))
    wants_peer = category is Category.BEST_PRACTICE or declared is Intent.BEST_PRACTICE
    if phase is Phase.ONE and wants_peer and category is not Category.ADVICE:
        extra.append(
            _whole_text_reason(
                text, "phase.best_practice_in_phase_one", Category.BEST_PRACTICE, explain_in
            )
        )
    allowed = category is not Category.ADVICE and not extra
    return Verdict(allowed, category, reasons + tuple(extra), code, supported, phase, declared)
