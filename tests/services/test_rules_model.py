"""The models that back up the rules: shipped, explainable; the advice model is stricter except
where a rule only guessed, and the report model only ever clears a guessed report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.rules import Category, Phase, evaluate_liaison_message
from app.services.rules.classifier import GUESSED_FROM_POSITION
from app.services.rules.model import (
    CLEARLY_NOT_ADVICE,
    TextModel,
    features,
    shipped_model,
    shipped_report_model,
)

DATA = Path(__file__).resolve().parents[1] / "data"
LABELLED = [
    json.loads(line)
    for path in sorted(DATA.glob("liaison_messages_*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
TEXTS = [row["text"] for row in LABELLED]

# Advice in forms no rule names, caught by the model (voseo command, rhetorical question).
MODEL_ONLY_ADVICE = [
    "Comida casera para la guagua nomás, esas colas le hacen daño.",
    "Bhai, why you are taking loan from moneylender when SHG gives at 1 percent only?",
]


def test_shipped_model_loads_with_a_sane_threshold() -> None:
    model = shipped_model()
    assert 0.5 <= model.threshold < 1
    assert len(model.weights) > 1000
    assert TextModel.from_json(model.to_json()).probability("hola") == model.probability("hola")


def test_features_ignore_case_accents_and_spacing() -> None:
    assert features("Ahorre  MÁS") == features("ahorre mas")
    assert "b:ahorre mas" in features("ahorre mas")


def test_model_only_catch_is_explained() -> None:
    for text in MODEL_ONLY_ADVICE:
        rules = evaluate_liaison_message(Phase.TWO, text, use_model=False)
        verdict = evaluate_liaison_message(Phase.TWO, text)
        assert rules.allowed, text  # the rules alone miss it ...
        assert not verdict.allowed  # ... the model blocks it,
        (reason,) = [r for r in verdict.reasons if r.rule_id == "advice.model"]
        assert reason.category is Category.ADVICE
        assert text[reason.start : reason.end] == reason.span and reason.span.strip()
        assert "“" in reason.explanation  # naming the words that weighed most


def test_a_model_without_an_opinion_leaves_the_rules_verdict() -> None:
    undecided = TextModel({}, intercept=0.0, threshold=0.9)  # every text scores 0.5
    no_doubt = TextModel({}, intercept=0.0, threshold=0.4)  # clears nothing: 0.5 is not < 0.4
    for text in TEXTS[:200]:
        for phase in Phase:
            alone = evaluate_liaison_message(phase, text, use_model=False)
            judged = evaluate_liaison_message(phase, text, model=undecided, report_model=no_doubt)
            assert judged == alone


ALWAYS_ADVICE = TextModel({}, intercept=50.0, threshold=0.5)
NEVER_ADVICE = TextModel({}, intercept=-50.0, threshold=0.9)


@pytest.mark.parametrize(
    "text",
    [
        "You should pay off the credit card first.",
        "If I were you I would sell the goats.",
        "Deberían organizar una tanda en su grupo.",
        # a prohibition is no guess from position
        "Los de la tabacalera pagan poco; no aceptés menos de 200 el día.",
        "Never buy on credit at that shop.",
    ],
)
def test_forms_that_direct_by_themselves_stand_whatever_the_model_says(text: str) -> None:
    assert not evaluate_liaison_message(Phase.TWO, text, model=NEVER_ADVICE).allowed


def test_a_guess_from_position_is_cleared_only_when_the_model_sees_no_advice() -> None:
    text = "Sell the goats at the market."
    assert not evaluate_liaison_message(Phase.TWO, text, model=ALWAYS_ADVICE).allowed
    assert not evaluate_liaison_message(Phase.TWO, text).allowed  # the shipped model agrees
    assert evaluate_liaison_message(Phase.TWO, text, model=NEVER_ADVICE).allowed


# Wrong blocks of blind sets: a verb read as a command at a clause start ("Cut", "budget").
CLEARED_BY_THE_MODEL = [
    "Couple households in McDowell started carpoolin to the Walmart in Princeton and splittin "
    "gas. Cut their trip cost in half they said",
    "Some families in Paynesville rented one small shop together and take turns selling. Rent for"
    " each family came down to L$1,500.",
]


@pytest.mark.parametrize("text", CLEARED_BY_THE_MODEL)
def test_the_shipped_model_clears_a_wrong_guess(text: str) -> None:
    rules = evaluate_liaison_message(Phase.TWO, text, use_model=False)
    assert rules.category is Category.ADVICE
    assert {r.rule_id for r in rules.reasons if r.category is Category.ADVICE} == {
        "advice.imperative"
    }
    verdict = evaluate_liaison_message(Phase.TWO, text)
    assert verdict.allowed and verdict.category is Category.BEST_PRACTICE


def test_a_long_sentence_that_opens_on_a_greeting_is_still_judged() -> None:
    text = (
        "Hi Mr. Franklin it's Dee got the receipts but honestly you should probably return that"
        " phone before the 30 days are up comma you don't need two phones"
    )
    assert not evaluate_liaison_message(Phase.TWO, text, model=ALWAYS_ADVICE).allowed


@settings(max_examples=150, deadline=None)
@given(text=st.sampled_from(TEXTS) | st.text(max_size=200), phase=st.sampled_from(list(Phase)))
def test_the_model_lifts_only_guesses_it_finds_plainly_not_advice(text: str, phase: Phase) -> None:
    rules = evaluate_liaison_message(phase, text, use_model=False)
    full = evaluate_liaison_message(phase, text)
    if not rules.allowed and full.allowed and rules.category is not Category.ADVICE:
        # only a report the rules guessed, in a text the report model finds plainly no report
        reports = shipped_report_model()
        assert rules.category is Category.BEST_PRACTICE
        assert full.category is Category.NEUTRAL
        assert reports.probability(text) < reports.threshold
    kept = {r.rule_id for r in full.reasons}
    for reason in rules.reasons:
        if reason.category is Category.ADVICE and reason.rule_id not in kept:
            assert reason.rule_id in GUESSED_FROM_POSITION
            touched = [
                probability
                for start, end, probability in shipped_model().sentence_probabilities(text)
                if start < max(reason.end, reason.start + 1) and reason.start < end
            ]
            assert all(probability < CLEARLY_NOT_ADVICE for probability in touched)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_probability_is_a_probability_and_deterministic(text: str) -> None:
    model = shipped_model()
    probability = model.probability(text)
    assert 0 <= probability <= 1
    assert model.probability(text) == probability


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuántas horas a la semana está trabajando en la panadería ahora?",
        "How much did you pay for the uniforms this month?",
        "When did the loan from your brother start? Which month was the first payment?",
        # asked as a request, or as a question about the family's opinion
        "¿Usted cree que la visita debería ser el sábado? Díganos qué día le conviene.",
        "Please let me know which day suits you for the home visit.",
        # courtesy: thanks, blessings, condolences, congratulations, mixed with open questions
        "Praying for a safe delivery, mama! 🙏",
        "May Allah heal her quickly. Get well soon to Mam Awa.",
        "¡Bendiciones para la nueva tienda, que les vaya muy bien!",
        "How much did you pay for the uniforms? Thanks for the photos.",
    ],
)
def test_the_model_never_blocks_open_questions_or_courtesy(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.TWO, text, model=ALWAYS_ADVICE)
    assert verdict.allowed, verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "The survey is due Friday.",
        "How much did you pay for the uniforms? The survey is due Friday.",
        # courtesy that carries a life verb is judged like anything else
        "God bless you. May He guide you to take that teaching job in Gulu.",
        "How about asking your sister for help?",
        "Let me know when you have moved the savings to the credit union.",
        "¿No cree que le conviene ahorrar más? Díganos qué piensa.",
    ],
)
def test_the_model_still_judges_anything_but_open_questions_or_courtesy(text: str) -> None:
    verdict = evaluate_liaison_message(Phase.TWO, text, model=ALWAYS_ADVICE)
    assert not verdict.allowed


# The report model: a clearing that only ever turns a guessed report into news.
NEVER_A_REPORT = TextModel({}, intercept=-50.0, threshold=0.5)
ALWAYS_A_REPORT = TextModel({}, intercept=50.0, threshold=0.5)


def test_the_shipped_report_model_loads_with_a_low_threshold() -> None:
    reports = shipped_report_model()
    assert 0 < reports.threshold <= 0.5
    assert TextModel.from_json(reports.to_json()).probability("hola") == reports.probability("hola")


def test_a_guessed_report_is_news_only_when_the_report_model_sees_no_report() -> None:
    text = "Three families in Bo started a soap business and now sell at the market."
    assert evaluate_liaison_message(Phase.ONE, text, report_model=ALWAYS_A_REPORT).category is (
        Category.BEST_PRACTICE
    )
    cleared = evaluate_liaison_message(Phase.ONE, text, report_model=NEVER_A_REPORT)
    assert cleared.allowed and cleared.category is Category.NEUTRAL and not cleared.reasons


@pytest.mark.parametrize(
    "text",
    [
        # a pointer to another family's feed post is no guess
        "Los de Yanahuara subieron su historia, ya está en la app.",
        # advice is the advice rules' and the advice model's to judge
        "Three families in Bo started a soap business, you should do the same.",
    ],
)
def test_the_report_model_clears_neither_a_feed_pointer_nor_advice(text: str) -> None:
    alone = evaluate_liaison_message(Phase.ONE, text, report_model=ALWAYS_A_REPORT)
    assert not alone.allowed
    assert evaluate_liaison_message(Phase.ONE, text, report_model=NEVER_A_REPORT) == alone


@settings(max_examples=150, deadline=None)
@given(text=st.sampled_from(TEXTS) | st.text(max_size=200), phase=st.sampled_from(list(Phase)))
def test_the_report_model_only_turns_a_report_into_news(text: str, phase: Phase) -> None:
    kept = evaluate_liaison_message(phase, text, report_model=ALWAYS_A_REPORT)
    cleared = evaluate_liaison_message(phase, text, report_model=NEVER_A_REPORT)
    if cleared != kept:
        assert kept.category is Category.BEST_PRACTICE
        assert cleared.category is Category.NEUTRAL and cleared.allowed
    if kept.category is Category.ADVICE:
        assert cleared == kept


# Group and program news that names other households, which the rules read as a report and
# the shipped report model lets through in phase I (wrong blocks of blind sets, reworded).
NEWS_THE_REPORT_MODEL_CLEARS = [
    "Your seed family is the Okafor household, they will call you this week.",
    "Did your stipend come? Some people in Makeni had delays with Orange Money.",
]


@pytest.mark.parametrize("text", NEWS_THE_REPORT_MODEL_CLEARS)
def test_the_shipped_report_model_lets_group_news_through_in_phase_one(text: str) -> None:
    assert evaluate_liaison_message(Phase.ONE, text, use_model=False).category is (
        Category.BEST_PRACTICE
    )
    verdict = evaluate_liaison_message(Phase.ONE, text)
    assert verdict.allowed and verdict.category is Category.NEUTRAL
