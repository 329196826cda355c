"""Survey forms: the current version a household answers, partner questions, answer checks.

Versions of one demonstration's form are numbered above every core version that existed when
they were published, so a version number names one form for that demonstration: its own row
if it has one with that number, otherwise the core row.
"""

import hashlib
import json
import threading
import uuid
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.errors import Conflict, NotFound, Unprocessable
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.survey_form import (
    CHOICE_TYPES,
    NUMERIC_TYPES,
    OwnQuestions,
    Question,
    QuestionType,
    SurveyForm,
    SurveyFormPublic,
)
from app.services import audit, demonstrations
from app.services.principal import Principal
from app.services.survey_core import CORE_QUESTIONS


class UnknownFormVersion(Unprocessable):
    code = "unknown-form-version"
    title = "Unknown form version"


class InvalidAnswers(Unprocessable):
    code = "invalid-answers"
    title = "Invalid answers"


class InvalidQuestions(Unprocessable):
    code = "invalid-questions"
    title = "Invalid questions"


class FormChangedMeanwhile(Conflict):
    code = "form-changed-meanwhile"
    title = "Another version was published meanwhile"


class FormNotFound(NotFound):
    code = "form-not-found"


def dialect_insert(session: Session) -> Any:
    """The INSERT of the session's database that knows ON CONFLICT."""
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def core_form(session: Session) -> SurveyForm:
    """The latest version of the common core; its first version is written on first use."""
    form = session.exec(
        select(SurveyForm)
        .where(col(SurveyForm.demonstration_id).is_(None))
        .order_by(col(SurveyForm.version).desc())
        .limit(1)
    ).first()
    if form is not None:
        return form
    table = SurveyForm.__table__  # type: ignore[attr-defined]
    session.execute(
        dialect_insert(session)(table)
        .values(
            id=uuid.uuid4(),
            demonstration_id=None,
            version=1,
            questions=CORE_QUESTIONS,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
    )
    return core_form(session)


def current_form(session: Session, demonstration: Demonstration) -> SurveyForm:
    own = session.exec(
        select(SurveyForm)
        .where(SurveyForm.demonstration_id == demonstration.id)
        .order_by(col(SurveyForm.version).desc())
        .limit(1)
    ).first()
    return own if own is not None else core_form(session)


@dataclass(frozen=True)
class ParsedForm:
    """A form version with its questions parsed: what answers are checked against."""

    id: uuid.UUID
    version: int
    questions: Mapping[str, Question]  # by id, in the form's order


@dataclass(frozen=True)
class VersionFacts:
    """What names the form of a version number for one demonstration (see the module doc)."""

    own_id: uuid.UUID | None  # the demonstration's own row with that number
    core_id: uuid.UUID | None  # the core row with that number
    own_at_or_below: bool  # an own version at or below it: then the core row is not its form

    @property
    def form_id(self) -> uuid.UUID | None:
        if self.own_id is not None:
            return self.own_id
        return None if self.own_at_or_below else self.core_id


def version_facts_columns(
    demonstration_id: Any, version: Any
) -> tuple[sa.ScalarSelect[Any], sa.ScalarSelect[Any], sa.Exists]:
    """The three facts of `VersionFacts` as subqueries, so a caller can fold the form lookup
    into its own query (one round trip). Either argument may be a value, a column of that
    query or a bind parameter."""
    table = SurveyForm.__table__  # type: ignore[attr-defined]
    own = sa.select(table.c.id).where(
        table.c.demonstration_id == demonstration_id, table.c.version == version
    )
    core = sa.select(table.c.id).where(
        table.c.demonstration_id.is_(None), table.c.version == version
    )
    own_at_or_below = sa.exists().where(
        table.c.demonstration_id == demonstration_id, table.c.version <= version
    )
    return own.scalar_subquery(), core.scalar_subquery(), own_at_or_below


def form_version(session: Session, demonstration_id: uuid.UUID, version: int) -> ParsedForm:
    """The form a survey was filled in on; 422 naming `form_version` when there is none."""
    own_id, core_id, own_below = session.execute(
        sa.select(*version_facts_columns(demonstration_id, version))
    ).one()
    return chosen_form(
        session, demonstration_id, version, VersionFacts(own_id, core_id, bool(own_below))
    )


def chosen_form(
    session: Session, demonstration_id: uuid.UUID, version: int, facts: VersionFacts
) -> ParsedForm:
    """The form `facts` name, parsed; 422 naming `form_version` when they name none."""
    form_id = facts.form_id
    if form_id is None and facts.core_id is None:
        # Perhaps no core version was ever written: it is written on first use, then asked again.
        core_form(session)
        own_id, core_id, own_below = session.execute(
            sa.select(*version_facts_columns(demonstration_id, version))
        ).one()
        form_id = VersionFacts(own_id, core_id, bool(own_below)).form_id
    if form_id is None:
        raise UnknownFormVersion(
            f"Form version {version} is not a version of this demonstration's survey.",
            errors=[_problem("form_version", "No such form version.", "unknown_form_version")],
        )
    return parsed_form(session, form_id)


class _ParsedForms:
    """A bounded LRU of parsed forms by id, shared by the threads of one process.

    Safe because form rows are immutable: publishing inserts a new version under a new id,
    and nothing updates `survey_forms` (no UPDATE in the app, no trigger, no migration data
    step). An id therefore always names the same questions, so a parsed copy never goes stale,
    whichever database session or transaction first read it. Bounded, so any number of
    partners' versions keeps memory flat; a miss costs one query."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[uuid.UUID, ParsedForm] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, form_id: uuid.UUID) -> ParsedForm | None:
        with self._lock:
            form = self._items.get(form_id)
            if form is not None:
                self._items.move_to_end(form_id)
            return form

    def put(self, form: ParsedForm) -> None:
        with self._lock:
            self._items[form.id] = form
            self._items.move_to_end(form.id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


PARSED_FORMS = _ParsedForms(size=256)


def parsed_form(session: Session, form_id: uuid.UUID) -> ParsedForm:
    """The form of this id, its questions parsed once per process (see `_ParsedForms`)."""
    form = PARSED_FORMS.get(form_id)
    if form is not None:
        return form
    version, questions = session.execute(
        sa.select(col(SurveyForm.version), col(SurveyForm.questions)).where(
            col(SurveyForm.id) == form_id
        )
    ).one()
    form = parse_form(form_id, version, questions)
    PARSED_FORMS.put(form)
    return form


def parse_form(form_id: uuid.UUID, version: int, questions: list[dict[str, Any]]) -> ParsedForm:
    return ParsedForm(
        id=form_id,
        version=version,
        questions={question["id"]: Question.model_validate(question) for question in questions},
    )


def read_for_staff(
    session: Session, actor: Principal, demonstration_id: uuid.UUID
) -> tuple[SurveyForm, Demonstration]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    return current_form(session, demonstration), demonstration


def publish_own_questions(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, data: OwnQuestions
) -> tuple[SurveyForm, Demonstration]:
    """A new version: the current core, then the partner's questions (which replace the
    partner's questions of the version before)."""
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    demonstrations.require_admin(actor)
    core = core_form(session)
    core_ids = {question["id"] for question in core.questions}
    _check_own_questions(data.questions, core_ids, demonstration.languages)
    latest_own = session.exec(
        select(sa.func.max(SurveyForm.version)).where(
            SurveyForm.demonstration_id == demonstration.id
        )
    ).one()
    version = max(core.version, latest_own or 0) + 1
    questions = core.questions + [
        question.model_dump(mode="json", exclude_none=True) for question in data.questions
    ]
    table = SurveyForm.__table__  # type: ignore[attr-defined]
    form_id = uuid.uuid4()
    inserted = session.execute(
        dialect_insert(session)(table)
        .values(
            id=form_id,
            demonstration_id=demonstration.id,
            version=version,
            questions=questions,
            created_at=utcnow(),
            created_by_user_id=actor.user_id,
        )
        .on_conflict_do_nothing()
        .returning(table.c.id)
    ).first()
    if inserted is None:
        raise FormChangedMeanwhile("Another version was published at the same moment; retry.")
    audit.record(
        session,
        actor,
        "survey_form.published",
        "survey_form",
        form_id,
        organization_id=demonstration.organization_id,
        changes={
            "demonstration_id": str(demonstration.id),
            "version": version,
            "own_question_ids": [question.id for question in data.questions],
        },
    )
    form = session.get(SurveyForm, form_id)
    assert form is not None
    return form, demonstration


def _check_own_questions(
    questions: list[Question], core_ids: set[str], languages: list[str]
) -> None:
    errors = []
    seen: set[str] = set()
    for index, question in enumerate(questions):
        field = f"body.questions.{index}"
        if question.id in core_ids:
            errors.append(_problem(f"{field}.id", "This id belongs to the common core.", "core_id"))
        if question.id in seen:
            errors.append(_problem(f"{field}.id", "This id is used twice.", "duplicate_id"))
        seen.add(question.id)
        texts = [("label", question.label)] + ([("help", question.help)] if question.help else [])
        texts += [
            (f"choices.{number}.label", choice.label)
            for number, choice in enumerate(question.choices or [])
        ]
        for name, text in texts:
            missing = [language for language in languages if not _covers(text, language)]
            if missing:
                errors.append(
                    _problem(
                        f"{field}.{name}",
                        f"Give the text in every language of the demonstration; missing: "
                        f"{', '.join(missing)}.",
                        "missing_language",
                    )
                )
    if errors:
        raise InvalidQuestions(
            "Some questions cannot be published: "
            + ", ".join(error["field"] for error in errors)
            + ".",
            errors=errors,
        )


def _covers(text: Mapping[str, str], language: str) -> bool:
    return language in text or language.split("-")[0] in text


def describe(form: SurveyForm, demonstration: Demonstration) -> SurveyFormPublic:
    core_ids = [question["id"] for question in CORE_QUESTIONS]
    return SurveyFormPublic(
        id=form.id,
        demonstration_id=form.demonstration_id,
        version=form.version,
        currency=demonstration.stipend_currency,
        languages=list(demonstration.languages),
        questions=[Question.model_validate(question) for question in form.questions],
        core_question_ids=core_ids,
        created_at=form.created_at,
    )


def etag(form: SurveyForm, demonstration: Demonstration) -> str:
    """Strong: form rows never change; the currency and languages come from the demonstration."""
    tag = f"{form.id}|{demonstration.stipend_currency}|{','.join(demonstration.languages)}"
    return '"' + hashlib.sha256(tag.encode()).hexdigest()[:32] + '"'


def canonical_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Null means no answer: dropped, so `{"a": null}` and `{}` are the same answers."""
    return {key: value for key, value in sorted(answers.items()) if value is not None}


def answers_sha256(answers: Mapping[str, Any]) -> str:
    canonical = json.dumps(
        canonical_answers(answers), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def validate_answers(form: ParsedForm, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers, canonical, when they fit the form; otherwise 422 naming every bad one."""
    questions = form.questions
    given = canonical_answers(answers)
    errors = [
        _problem(f"answers.{key}", "No such question in this form version.", "unknown_question")
        for key in given
        if key not in questions
    ]
    for question_id, question in questions.items():
        field = f"answers.{question_id}"
        if question_id not in given:
            if question.required:
                errors.append(_problem(field, "This question must be answered.", "missing"))
            continue
        message = _answer_problem(question, given[question_id])
        if message is not None:
            errors.append(_problem(field, message, "invalid_answer"))
    if errors:
        names = ", ".join(error["field"] for error in errors)
        raise InvalidAnswers(f"Some answers do not fit the form: {names}.", errors=errors)
    return given


def _answer_problem(question: Question, value: Any) -> str | None:
    kind = question.type
    if kind in NUMERIC_TYPES:
        if isinstance(value, bool) or not isinstance(value, int):
            unit = "minor units (cents)" if kind is QuestionType.MONEY else "a count"
            return f"Expected a whole number: {unit}."
        low = question.min if question.min is not None else 0
        if value < low:
            return f"Must be at least {low}."
        if question.max is not None and value > question.max:
            return f"Must be at most {question.max}."
        return None
    if kind is QuestionType.YES_NO:
        return None if isinstance(value, bool) else "Expected true or false."
    if kind is QuestionType.SHORT_TEXT:
        if not isinstance(value, str):
            return "Expected text."
        limit = question.max_length or 500
        return None if len(value) <= limit else f"At most {limit} characters."
    assert kind in CHOICE_TYPES and question.choices is not None
    options = {choice.id for choice in question.choices}
    if kind is QuestionType.SINGLE_CHOICE:
        if not isinstance(value, str) or value not in options:
            return f"Expected one of: {', '.join(sorted(options))}."
        return None
    if not isinstance(value, list) or any(not isinstance(item, str) for item in value):
        return "Expected a list of choice ids."
    unknown = sorted(set(value) - options)
    if unknown:
        return f"Unknown choices: {', '.join(unknown)}."
    if len(set(value)) != len(value):
        return "A choice is listed twice."
    if question.required and not value:
        return "Choose at least one."
    return None


def _problem(field: str, message: str, kind: str) -> dict[str, str]:
    return {"field": field, "message": message, "type": kind}
