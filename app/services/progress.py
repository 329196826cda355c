"""A family's own progress: each core indicator's baseline, latest, change and monthly series,
from the household's verified surveys (a few dozen rows), and as an SVG chart."""

from sqlmodel import Session, select

from app.errors import NotFound
from app.models.progress import IndicatorProgress, MyProgress, SeriesPoint
from app.models.survey import ReviewState, SurveySubmission
from app.services import charts, progress_math, surveys
from app.services.principal import Principal
from app.services.survey_core import CORE_QUESTIONS

LABELS: dict[str, dict[str, str]] = {
    question["id"]: question["label"] for question in CORE_QUESTIONS
} | {"total_income": {"en": "Total household income", "es": "Ingreso total del hogar"}}
TEXT = {
    "en": {
        "desc": "{label}: monthly values from your verified surveys, {first} to {last}.",
        "empty": "No verified survey yet",
        "none": "{label}: no verified survey yet.",
    },
    "es": {
        "desc": "{label}: valores mensuales de sus encuestas verificadas, {first} a {last}.",
        "empty": "Aún no hay encuestas verificadas",
        "none": "{label}: aún no hay encuestas verificadas.",
    },
}


class UnknownIndicator(NotFound):
    code = "unknown-indicator"


def language_of(preferred: str) -> str:
    base = preferred.split("-")[0].lower()
    return base if base in TEXT else "en"


def label(indicator: str, language: str) -> str:
    labels = LABELS[indicator]
    return labels.get(language) or labels["en"]


def my_progress(session: Session, actor: Principal, language: str | None = None) -> MyProgress:
    household, demonstration = surveys.family_context(session, actor)
    lang = language or language_of(household.preferred_language)
    rows = session.exec(
        select(SurveySubmission.period, SurveySubmission.answers).where(
            SurveySubmission.household_id == household.id,
            SurveySubmission.state == ReviewState.VERIFIED,
        )
    ).all()
    values = [(period, progress_math.indicator_values(answers)) for period, answers in rows]
    indicators = []
    for name in progress_math.INDICATORS:
        result = progress_math.progress((period, v[name]) for period, v in values)
        indicators.append(
            IndicatorProgress(
                indicator=name,
                label=label(name, lang),
                baseline=result.baseline,
                baseline_period=result.baseline_period,
                latest=result.latest,
                latest_period=result.latest_period,
                change=result.change,
                series=[SeriesPoint(period=p, value=v) for p, v in result.series],
            )
        )
    return MyProgress(
        household_id=household.id,
        language=lang,
        currency=demonstration.stipend_currency,
        verified_months=len(values),
        indicators=indicators,
    )


def my_progress_svg(
    session: Session, actor: Principal, indicator: str, language: str | None
) -> str:
    if indicator not in progress_math.INDICATORS:
        raise UnknownIndicator(f"No indicator `{indicator}`.")
    progress = my_progress(session, actor, language)
    item = next(i for i in progress.indicators if i.indicator == indicator)
    text = TEXT[progress.language]
    if item.series:
        desc = text["desc"].format(
            label=item.label, first=item.series[0].period, last=item.series[-1].period
        )
    else:
        desc = text["none"].format(label=item.label)
    return charts.line_chart(
        item.label,
        desc,
        [(point.period, point.value) for point in item.series],
        money=indicator in progress_math.MONEY,
        empty_text=text["empty"],
    )
