"""Language-independent matching machinery.

A message is advice when some *directive form* (a modal like "you should", a softened
suggestion like "maybe try", an imperative at the start of a clause, a warning, a referral)
points at the family's *own life*. The same directive forms are everyday app help when their
object is the survey, the app, a photo or a meeting ("you need to log in again", "tap submit").
So each directive form comes with a check of what it is about:

* ``ALWAYS``: the form is advice whatever follows ("if I were you").
* ``STRONG``: advice unless what follows is clearly logistics (verb like "upload", or more
  app/meeting words than life words). Used for forms that are directive by themselves.
* ``WEAK``: advice only if what follows is clearly about life (money, children, business...).
  Used for forms that are just as often harmless ("you could", "don't forget", "maybe").

The language modules supply the word lists and patterns; this module only combines them.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from app.services.rules.normalize import (
    CLAUSE_BREAK,
    SENTENCE_BREAK,
    ContextualWord,
    Normalized,
    normalize,
    spans,
)

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z]+)*")
_WINDOW_WORDS = 16  # how far after a directive form we look for what it is about
# How far back a named family may stand and still be the subject of a verb ("la familia
# Torres… paga la mitad"); bounded so a long text is not searched from its start each time.
_LOOK_BACK_CHARS = 300
_INVERTED_SUBJECTS = frozenset({"you", "we", "i", "they", "he", "she"})
# A menu path ("Debts > Add new") names screens of the app, whatever its words.
_MENU_PATH = re.compile(r"[a-z]+(?:\s+[a-z]+)?(?:\s*>\s*[a-z]+(?:\s+[a-z]+)?)+")
_COURTESY_WORDS = 16
# A name the courtesy is addressed to ("Doña Gladys, gracias por…")
_VOCATIVE = re.compile(r"(?:[a-z]+\s+){0,2}[a-z]+,\s*")
# A short quoted stretch is a field label or the family's own words ("choose 'Business income'
# not 'Salary'", "you wrote 'pay off loan'"): the life words inside it are data, not a topic.
_QUOTED = re.compile(r"(?<![a-z0-9])(['\"])[^'\".!?]{1,40}?\1(?![a-z0-9])")


class Check(Enum):
    """How much evidence a directive form needs before it counts as advice."""

    ALWAYS = "always"
    STRONG = "strong"
    # help arranged with someone outside the program: advice unless the scope is program
    # logistics; a day alone ("I can book you with the coach on Friday") says when, not what
    OFFER = "offer"
    MEDIUM = "medium"
    WEAK = "weak"


class Lean(Enum):
    """What the words after a directive form are about."""

    LIFE = "life"
    LOGISTICS = "logistics"
    MIXED = "mixed"  # as many life words as app words
    SCHEDULE = "schedule"  # only a day or an hour: when, not what
    UNKNOWN = "unknown"  # neither


@dataclass(frozen=True)
class Trigger:
    """A directive form: its rule id, regex on canonical text and evidence level."""

    rule_id: str
    pattern: re.Pattern[str]
    check: Check
    needs_infinitive: bool = False  # Spanish modals only count before an infinitive
    # A judgment about what comes before it ("that betting app is a trap"): its whole sentence
    # is its scope, not only the words after it.
    judges_subject: bool = False
    # The form is itself the verb and closes its clause (Hindi "form bharo"): the sentence
    # before it is what it directs.
    verb_last: bool = False


@dataclass(frozen=True)
class Profile:
    """Everything the engine needs to know about one language."""

    code: str
    abbreviations: Mapping[str, str]
    triggers: tuple[Trigger, ...]
    strong_verbs: frozenset[str]  # verb forms that by themselves are about life
    weak_verbs: frozenset[str]  # imperative forms whose meaning depends on the object
    logistic_verbs: frozenset[str]  # verb forms that make a directive app/survey help
    chain_verbs: frozenset[str]  # "try", "trate de": the real verb comes next
    skip_words: frozenset[str]  # adverbs/particles skipped when looking for the verb
    clause_prefix: re.Pattern[str]  # fillers/vocatives skipped at a clause start
    negation: re.Pattern[str]  # negative-imperative opener ("don't", "no se")
    benign_heads: re.Pattern[str]  # "have received", "let me know", "haber llegado"
    life_terms: re.Pattern[str]
    app_terms: re.Pattern[str]
    time_terms: re.Pattern[str]  # days/hours: half-weight logistics evidence
    peer_subjects: re.Pattern[str]
    second_person: re.Pattern[str]  # "you", "usted": the reader is addressed
    peer_evidence: re.Pattern[str]  # report verbs/results that make a peer mention a report
    feed_pointers: re.Pattern[str]
    statement_forms: frozenset[str]  # imperatives that double as statements in questions
    base_form: Callable[[str], str]  # strip clitics ("enfoquese" -> "enfoque")
    is_infinitive: Callable[[str], bool]
    # A clause opener that is a verb no list names ("swap the cable"): (word, next word)
    open_imperative: Callable[[str, str | None], bool] = lambda word, following: False
    # The word after a clause opener shows the opener is a noun subject ("rent went up")
    follows_subject: Callable[[str, str], bool] = lambda word, following: False
    # A clause opener typed with a final accent that makes it the speaker's past ("revisé")
    past_first_person: Callable[[str], bool] = lambda word: False
    in_context: ContextualWord = lambda previous, token, following: None  # SMS "2" -> "to"
    pointer_verbs: frozenset[str] = frozenset()  # "see", "mire": commands to look at a report
    stopwords: frozenset[str] = frozenset()  # words that show a clause is in this language
    # program verbs that also direct life ("send the kids to school", "mandar a los niños")
    ambiguous_logistic_verbs: frozenset[str] = frozenset()
    # the verb of a gerund ("recommend keeping the money…" -> "keep")
    gerund_base: Callable[[str], str] = lambda word: word
    # a word that can only be a command wherever it stands (Spanish "guárdela")
    command_anywhere: Callable[[str], bool] = lambda word: False
    # a question word opening an open question ("how do you decide when you need to pay…?")
    open_question: re.Pattern[str] = re.compile(r"(?!)")
    # "come", "venir": in a sentence about a meeting they say how to come to it ("a la reunión
    # pueden venir con los niños"), whatever else the sentence names
    gathering_verbs: frozenset[str] = frozenset()
    gatherings: re.Pattern[str] = re.compile(r"(?!)")
    # "put", "ponga": in a sentence that names a form field, a menu or a quoted label they say
    # what to type ("entre a Ahorros > Agregar y ponga lo que aportó")
    entry_verbs: frozenset[str] = frozenset()
    form_labels: re.Pattern[str] = re.compile(r"(?!)")
    # "if you want", "si quiere": what follows a command that only permits
    permission: re.Pattern[str] = re.compile(r"(?!)")
    # a courtesy sentence: thanks, greetings, blessings, condolences, congratulations
    courtesy: re.Pattern[str] = re.compile(r"(?!)")
    # thanks opening a sentence: "thank you for the story, it really helps" praises the story
    thanks: re.Pattern[str] = re.compile(r"(?!)")
    # a sentence opening on a part of the survey ("in the savings question, …")
    survey_frame: re.Pattern[str] = re.compile(r"(?!)")
    # the survey's own words quoted ("the survey asks 'Have you considered…?'"), up to the
    # opening quote: a direction inside is the survey's question, not the liaison's
    survey_quote: re.Pattern[str] = re.compile(r"(?!)")
    # the reader's own story or post ("your story is on the feed now"): not another family's
    own_post: re.Pattern[str] = re.compile(r"(?!)")
    # members joining the group ("two new households joining", "le damos la bienvenida"), its
    # size ("your group is at 9 households now"), births and other family events
    group_news: re.Pattern[str] = re.compile(r"(?!)")
    # words that report what happens around the group, not a practice ("hosting", "asked",
    # "confirmó", "domingo"): they are not evidence that a peer mention is a report
    logistic_words: re.Pattern[str] = re.compile(r"(?!)")
    # people counted in the reader's own home ("how many people live in the house")
    household_count: re.Pattern[str] = re.compile(r"(?!)")
    # the liaison declines to advise ("no te puedo aconsejar, es decisión tuya")
    declines: re.Pattern[str] = re.compile(r"(?!)")
    # what ends right before a directive that someone else said ("you told me you might take
    # the loan", "la encuesta pregunta si ha pensado en…"): their words, not the liaison's
    reported_speech: re.Pattern[str] = re.compile(r"(?!)")
    # a survey question put in the liaison's words ("the survey asks if you tried to borrow")
    survey_question: re.Pattern[str] = re.compile(r"(?!)")
    # a question asked as a request ("díganos qué le conviene", "tell me which day suits you")
    indirect_question: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True)
class Finding:
    """A rule that fired, with [start, end) in canonical text."""

    rule_id: str
    start: int
    end: int


@lru_cache(maxsize=64)
def _breaks(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the sentence or clause breaks of ``text``, found once per text: every
    rule asks for them, and searching afresh each time made a long unpunctuated message
    quadratic."""
    found = [(match.start(), match.end()) for match in pattern.finditer(text)]
    return tuple(start for start, _ in found), tuple(end for _, end in found)


def _next_break(pattern: re.Pattern[str], text: str, position: int) -> int:
    """Where the next break at or after ``position`` starts (``len(text)`` if none)."""
    starts, ends = _breaks(pattern, text)
    index = bisect_right(ends, position)  # first break that ends after position
    if index == len(starts):
        return len(text)
    return max(starts[index], position)


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence holding ``position`` ends (a break at ``position`` ends it there)."""
    return _next_break(SENTENCE_BREAK, text, position)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts."""
    _, ends = _breaks(SENTENCE_BREAK, text)
    index = bisect_right(ends, position)
    return ends[index - 1] if index else 0


def _window(text: str, start: int) -> tuple[int, int]:
    """From ``start`` to the end of its sentence, at most _WINDOW_WORDS words."""
    end = _sentence_end(text, start)
    tokens = list(itertools.islice(_WORD.finditer(text, start, end), _WINDOW_WORDS + 1))
    if len(tokens) > _WINDOW_WORDS:
        end = tokens[_WINDOW_WORDS - 1].end()
    return start, end


def _head(profile: Profile, text: str, start: int, end: int) -> tuple[str, int]:
    """First verb-like word after a directive form, skipping adverbs and "try to"."""
    tokens = list(_WORD.finditer(text, start, end))
    index = 0
    while index < len(tokens):
        word = tokens[index].group()
        base = profile.base_form(word)
        if word in profile.skip_words:
            index += 1
            continue
        if base in profile.chain_verbs and index + 1 < len(tokens):
            index += 1
            continue
        return base, tokens[index].start()
    return "", end


def lean_of(profile: Profile, text: str, start: int, end: int, head_from: int) -> Lean:
    """Decide whether text[start:end] (a directive's scope) is about life or logistics."""
    head, head_at = _head(profile, text, head_from, end)
    if profile.benign_heads.match(text, head_at):
        return Lean.LOGISTICS
    # Only the sentence itself is context, so a neutral sentence added before or after can
    # never turn a command about life into app help.
    sentence_start = _sentence_start(text, start)
    sentence = text[sentence_start : _sentence_end(text, end)]
    if head in profile.gathering_verbs and profile.gatherings.search(sentence):
        return Lean.LOGISTICS
    if head in profile.entry_verbs and profile.form_labels.search(sentence):
        return Lean.LOGISTICS
    # "In the debts question, put also what you owe the corner shop": a sentence that opens on
    # a part of the survey is about filling it in.
    if profile.survey_frame.match(text, sentence_start):
        return Lean.LOGISTICS
    scope, menus = _MENU_PATH.subn(" ", _QUOTED.sub(r"\1_\1", text[start:end]))
    life = float(len(profile.life_terms.findall(scope)))
    app_words = len(profile.app_terms.findall(scope)) + menus
    # "send the photo" is app help, "send the kids to school" is not: the verb alone decides
    # only when nothing in its scope is about the family's life.
    if head in profile.logistic_verbs and (
        head not in profile.ambiguous_logistic_verbs or app_words > 0 or life == 0
    ):
        return Lean.LOGISTICS
    # "tick it and resubmit": a program verb later in the scope is app evidence too
    app_words += sum(
        word in profile.logistic_verbs and word not in profile.ambiguous_logistic_verbs
        for word in _WORD.findall(text, head_from, end)
    )
    app = app_words + 0.5 * len(profile.time_terms.findall(scope))
    # A life verb counts once: "save it in the app" is one life word against one app word.
    written = _WORD.match(text, head_at)
    if head in profile.strong_verbs and not (
        written and profile.life_terms.fullmatch(written.group())
    ):
        life += 1
    if life > app:
        return Lean.LIFE
    if app > life:
        # "I can book you with the extension officer on Friday": a day says when, not what
        return Lean.SCHEDULE if app_words == 0 and life == 0 else Lean.LOGISTICS
    # A tie ("lower the cable and keep only the internet") is not clear app help either.
    return Lean.MIXED if life else Lean.UNKNOWN


def _passes(check: Check, lean: Lean) -> bool:
    if check is Check.ALWAYS:
        return True
    if check is Check.OFFER:
        return lean is not Lean.LOGISTICS
    if check is Check.STRONG:
        return lean not in (Lean.LOGISTICS, Lean.SCHEDULE)
    if check is Check.MEDIUM:
        return lean in (Lean.LIFE, Lean.UNKNOWN)
    return lean is Lean.LIFE


def _about_others(profile: Profile, scope: str) -> bool:
    """A scope that talks about other households and not to the reader is a report."""
    addressed = profile.second_person.search(scope)
    return bool(profile.peer_subjects.search(scope)) and not addressed


_QUESTION_WORDS = 4  # a question after a lead-in has at least this many words


def _in_open_question(profile: Profile, text: str, position: int) -> bool:
    """Is ``position`` inside a sentence that opens with a question word and ends with "?".

    The question may follow a short lead-in clause ("Just checking, did the repair…?").
    """
    start = _sentence_start(text, position)
    end = _sentence_end(text, position)
    if text[end : end + 1] != "?":
        return False
    if profile.open_question.match(text[start:end].lstrip(" ¿")):
        return True
    # After a lead-in, a real question ("Doña Fanny, ¿quién cuida a los chavalos…?"), not a tag
    # ("primero está la renta, ¿no cree?"); a writer who marks "¿" marks where it starts.
    mark = "¿" if "¿" in text[start:end] else ","
    leads = [start + found.end() for found in re.finditer(mark, text[start:position])]
    return any(
        profile.open_question.match(question := text[lead:end].lstrip(" ¿"))
        and len(_WORD.findall(question)) >= _QUESTION_WORDS
        for lead in leads
    )


def _in_indirect_question(profile: Profile, text: str, position: int) -> bool:
    """Is ``position`` in a question asked as a request ("Díganos qué día le conviene.")?"""
    start = _sentence_start(text, position)
    return bool(profile.indirect_question.match(text[start:position].lstrip(" ¿¡")))


def _named_before(profile: Profile, text: str, floor: int, position: int) -> bool:
    """Does another household stand shortly before ``position`` (and not before ``floor``)?"""
    return bool(
        profile.peer_subjects.search(text, max(floor, position - _LOOK_BACK_CHARS), position)
    )


def _is_courtesy(profile: Profile, sentence: str) -> bool:
    """Thanks, greetings, blessings, condolences or congratulations that ask nothing of the
    family ("May Allah heal her quickly", "Doña Gladys, ¡bendiciones para la nueva tienda!")."""
    sentence = sentence.lstrip(" ¿¡")
    named = _VOCATIVE.match(sentence)
    if named and not _has_verb(profile, _WORD.findall(named.group())):
        sentence = sentence[named.end() :].lstrip(" ¿¡")
    words = _WORD.findall(sentence)
    # a long sentence that opens on "Hi" is a message, not a greeting
    if len(words) > _COURTESY_WORDS or not profile.courtesy.match(sentence):
        return False
    return not _has_verb(profile, words[1:])


def _has_verb(profile: Profile, words: list[str]) -> bool:
    return any(
        base in profile.strong_verbs or base in profile.weak_verbs
        for base in map(profile.base_form, (w for w in words if w not in profile.skip_words))
    )


def only_open_questions(profile: Profile, detection: Detection) -> bool:
    """Is every sentence an open question ("¿Cuántas horas trabaja ahora?"), asked directly or
    as a request ("Díganos qué le conviene."), or courtesy?"""
    text = detection.normalized.text
    sentences = [
        (start, end) for start, end in spans(SENTENCE_BREAK, text) if text[start:end].strip()
    ]
    return bool(sentences) and all(
        _in_open_question(profile, text, max(start, end - 1))
        or _in_indirect_question(profile, text, end)
        or _is_courtesy(profile, text[start:end])
        for start, end in sentences
    )


def survey_wording(profile: Profile, detection: Detection) -> list[tuple[int, int]]:
    """Where, in the original text, the survey's own question is given, quoted or reported
    ("the form asks 'Did you try to get a loan?'"): the survey's words, not the liaison's."""
    found = _survey_spans(profile, detection.normalized.text)
    return [detection.normalized.original_span(start, end) for start, end in found]


def refusals(profile: Profile, detection: Detection) -> list[tuple[int, int]]:
    """Where, in the original text, the liaison declines to advise ("no doy consejos"): the
    words of advice there ("consejos") are refused, not given."""
    normalized = detection.normalized
    return [
        normalized.original_span(*match.span())
        for match in profile.declines.finditer(normalized.text)
    ]


def _survey_spans(profile: Profile, text: str) -> list[tuple[int, int]]:
    """The survey's own words in canonical ``text``: quoted, or reported to the sentence end."""
    return _survey_quotes(profile, text) + [
        (match.end(), _sentence_end(text, match.end()))
        for match in profile.survey_question.finditer(text)
    ]


def _survey_quotes(profile: Profile, text: str) -> list[tuple[int, int]]:
    quotes = []
    for frame in profile.survey_quote.finditer(text):
        close = text.find(text[frame.end() - 1], frame.end(), frame.end() + 120)
        if close != -1:
            quotes.append((frame.end(), close))
    return quotes


def blank(text: str, found: list[tuple[int, int]]) -> str:
    """``text`` with the ``found`` spans replaced by spaces, so offsets still match."""
    chars = list(text)
    for start, end in found:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_COMMA = re.compile(r"[,;]")


def _own_clause(text: str, start: int, end: int) -> str:
    """What a directive is about: its own clause when it has one ("be careful with that chit
    fund, last year many families lost money" warns, whatever the report after it), else the
    rest of its window ("FYI, a family in Abuja…")."""
    comma = _COMMA.search(text, start, end)
    clause = text[start : comma.start() if comma else end]
    return clause if len(_WORD.findall(clause)) >= 2 else text[start:end]


def _trigger_findings(profile: Profile, text: str) -> list[Finding]:
    findings: list[Finding] = []
    survey = _survey_spans(profile, text)
    for trigger in profile.triggers:
        for match in trigger.pattern.finditer(text):
            if any(start <= match.start() < end for start, end in survey):
                continue
            said = profile.reported_speech.search(
                text, _sentence_start(text, match.start()), match.start()
            )
            if said is not None:
                continue
            start, end = _window(text, match.start())
            head, _ = _head(profile, text, match.end(), end)
            if trigger.needs_infinitive and not profile.is_infinitive(head):
                continue
            if trigger.rule_id == "advice.second_person_modal" and (
                _in_open_question(profile, text, match.start())
                or _in_indirect_question(profile, text, match.start())
            ):
                continue
            about = _own_clause(text, match.end(), end)
            # "maybe the families in Ganta…" reports; "you should sell to the households in the
            # colony" still directs the reader, whoever the object is.
            verb = profile.gerund_base(head)
            # the form may end in its own verb ("why pay more with a family of six?")
            own = _WORD.findall(match.group())[-1:]
            # "you should start a savings group": a chain verb with no verb after it is the verb
            after = _WORD.findall(text, match.end(), end)[:1]
            directs = any(
                word in profile.strong_verbs or word in profile.weak_verbs
                for word in [verb, *own, *map(profile.base_form, after)]
            )
            # an offer to connect directs whoever it names ("I will link you with the woman who
            # helped another family")
            if (
                trigger.check not in (Check.ALWAYS, Check.OFFER)
                and (head in profile.pointer_verbs or not directs)
                and profile.peer_subjects.search(about)
                and not profile.second_person.search(text, match.end(), end)
            ):
                continue
            # The directive's own clause decides first ("ensure the children eat greens, the
            # survey shows illness" is about the children, whatever the survey word adds), but
            # not for program verbs ("fill in the health part before sending").
            clause_end = min(_next_break(CLAUSE_BREAK, text, match.end()), end)
            lean = lean_of(profile, text, start, clause_end, match.end())
            if lean is not Lean.LIFE or head in profile.logistic_verbs:
                lean = lean_of(profile, text, start, end, match.end())
            # What a judgment ("that betting app is a trap") or a bare verb with nothing about
            # life after it ("en la app el botón está abajo, hay que bajar") is about stands
            # before it, in the same sentence.
            sentence_start = _sentence_start(text, start)
            if trigger.judges_subject:
                lean = lean_of(profile, text, sentence_start, end, sentence_start)
            elif trigger.verb_last:
                lean = lean_of(profile, text, sentence_start, end, match.start())
            elif lean is Lean.UNKNOWN and head in profile.weak_verbs:
                lean = lean_of(profile, text, sentence_start, end, match.end())
            if lean is Lean.UNKNOWN and profile.thanks.match(text, sentence_start):
                continue
            if _passes(trigger.check, lean):
                findings.append(Finding(trigger.rule_id, match.start(), end))
    return findings


def _in_language(profile: Profile, text: str, first: re.Match[str], end: int) -> bool:
    """Does the clause after ``first`` have words, one of them typical of this language?"""
    rest = _WORD.findall(text, first.end(), end)
    return any(word in profile.stopwords for word in rest)


def _imperative_at(
    profile: Profile,
    text: str,
    start: int,
    end: int,
    sentence_start: int,
    accented: frozenset[int] = frozenset(),
) -> Finding | None:
    """Is the clause text[start:end] an imperative about the family's life?"""
    while start < end and text[start].isspace():
        start += 1
    prefix = profile.clause_prefix.match(text, start, end)
    position = prefix.end() if prefix else start
    negation = profile.negation.match(text, position, end)
    if negation:
        position = negation.end()
    first = _WORD.match(text, position, end)
    if first is None:
        return None
    if first.end() - 1 in accented and profile.past_first_person(first.group()):
        return None  # "Revisé todo": what the liaison did
    verb = profile.base_form(first.group())
    following = _WORD.match(text, first.end() + 1, end)
    if following is None and text[end : end + 1] == ":":
        return None  # a heading ("Update: ...", "Reminder: ..."), not a command
    if following and following.group() in _INVERTED_SUBJECTS:
        return None  # "have you paid...?", "did you get...?" are questions, not commands
    is_question = text[end : end + 1] == "?" or (text.rstrip().endswith("?") and end == len(text))
    if start > sentence_start and _in_open_question(profile, text, start):
        return None
    if first.group() in profile.statement_forms and (is_question or negation):
        return None  # "¿vende los domingos?"; "no deja enviar": a negative command is "no dejes"
    if first.group() in profile.statement_forms and _named_before(profile, text, 0, start):
        return None
    if following and not negation and profile.follows_subject(first.group(), following.group()):
        return None
    unlisted = profile.open_imperative(first.group(), following.group() if following else None)
    # A command with no word about the app, the survey or a meeting ("drop the gym
    # membership", "take a walk every evening") is about the family's own life.
    if verb in profile.strong_verbs:
        check = Check.STRONG
    elif verb in profile.chain_verbs:
        check = Check.WEAK
    elif (
        verb in profile.weak_verbs or verb in profile.ambiguous_logistic_verbs or unlisted
    ) and following is not None:
        # "use" is a Spanish command too: outside its language a command needs life words
        check = Check.MEDIUM if _in_language(profile, text, first, end) else Check.WEAK
    else:
        return None
    if verb in profile.pointer_verbs and _about_others(profile, text[sentence_start:end]):
        return None  # "see how the families in Ganta did it" points to a report
    if unlisted and _named_before(profile, text, sentence_start, start):
        return None  # "the Lopez family did a yard sale + bake sale": still the report
    # What the command is about is judged on its whole sentence: "Before you sign the lease,
    # have someone read it" is about the lease even though the verb is "have".
    _, scope_end = _window(text, first.start())
    lean = lean_of(profile, text, first.start(), scope_end, first.start())
    if lean is not Lean.LIFE or verb in profile.logistic_verbs:
        lean = lean_of(profile, text, sentence_start, scope_end, first.start())
    if not _passes(check, lean):
        return None
    if (
        lean is Lean.UNKNOWN
        and check is not Check.STRONG
        and profile.permission.search(text, start, end)
    ):
        return None  # "bring your own chair if you can": allowed, not directed
    return Finding("advice.imperative", first.start(), scope_end)


def _imperative_findings(
    profile: Profile, text: str, accented: frozenset[int] = frozenset()
) -> list[Finding]:
    findings: list[Finding] = []
    for start, end in spans(CLAUSE_BREAK, text):
        sentence_start = _sentence_start(text, start)
        if profile.reported_speech.search(text, sentence_start, start):
            continue  # "Su plan dice: ahorrar 50 soles por semana": the family's own words
        finding = _imperative_at(profile, text, start, end, sentence_start, accented)
        if finding is None:
            later = (w for w in _WORD.finditer(text, start, end) if w.start() > start + 1)
            command = next((w for w in later if profile.command_anywhere(w.group())), None)
            if command is not None:
                finding = _imperative_at(profile, text, command.start(), end, sentence_start)
        if finding is not None:
            findings.append(finding)
    return findings


def _reports(profile: Profile, sentence: str) -> bool:
    """Whether a sentence says what someone did or got, beyond who came, asked or hosts."""
    plain = profile.gatherings.sub(" ", profile.logistic_words.sub(" ", sentence))
    return bool(profile.peer_evidence.search(plain))


def _is_own_post(profile: Profile, sentence: str, before: str) -> bool:
    """The reader's own story ("su historia ya está en el muro"). After another family is
    named, or after a statement, "su historia" is theirs ("Dos muchachos de San Miguel
    estudiaron inglés… Su historia está en el muro")."""
    own = profile.own_post.search(sentence)
    if own is None:
        return False
    named = profile.peer_subjects.search(sentence)
    if named is not None and named.start() < own.start():
        return False
    return all(
        _is_courtesy(profile, before[start:end])
        or before[end : end + 1] == "?"
        or len(_WORD.findall(before, start, end)) <= 2  # a greeting: "Padiuxhi, tía."
        for start, end in spans(SENTENCE_BREAK, before)
        if _WORD.search(before, start, end)
    )


def _is_group_news(profile: Profile, sentence: str, before: str) -> bool:
    """Congratulations or condolences to another family, who joins the group or hosts the
    meeting, the reader's own post, people counted in the reader's home: news about the group
    or the survey, not a practice; nor is what a survey question asks about."""
    return (
        _is_courtesy(profile, sentence)
        or _is_own_post(profile, sentence, before)  # "your story: 12 people liked it"
        or bool(profile.group_news.search(sentence))
        or bool(profile.household_count.search(sentence))
        or bool(profile.survey_frame.match(sentence))
        or bool(profile.gatherings.search(sentence) and not _reports(profile, sentence))
    )


def _peer_findings(profile: Profile, text: str) -> list[Finding]:
    """Reports about OTHER households: a peer subject in a sentence that reports something."""
    findings: list[Finding] = []
    # the survey's own words ("la pregunta 'recomendaría el grupo de ahorro'") report nothing
    text = blank(text, _survey_spans(profile, text))
    for start, end in spans(SENTENCE_BREAK, text):
        sentence = text[start:end]
        closing = text[end : end + 1]
        # a name in quotes is a name: "el grupo se puso 'Mujeres del Río'"
        quoted = [match.span() for match in _QUOTED.finditer(sentence)]
        subject = profile.peer_subjects.search(blank(sentence, quoted))
        if subject and closing != "?" and not _is_group_news(profile, sentence, text[:start]):
            life = len(profile.life_terms.findall(sentence))
            app = len(profile.app_terms.findall(sentence))
            reported = _reports(profile, sentence) or life > 0
            if reported and not (app > life and life == 0):
                findings.append(Finding("best_practice.peer_report", start + subject.start(), end))
                continue
        pointer = profile.feed_pointers.search(sentence)
        # photos of the meeting on the feed, no family named: news ("Meeting photos are up")
        gathering = subject is None and profile.gatherings.search(sentence)
        if pointer and not gathering and not _is_own_post(profile, sentence, text[:start]):
            findings.append(
                Finding(
                    "best_practice.feed_pointer", start + pointer.start(), start + pointer.end()
                )
            )
    return findings


@dataclass(frozen=True)
class Detection:
    """Raw findings of one language profile on one text, in canonical coordinates."""

    normalized: Normalized
    advice: tuple[Finding, ...]
    peer: tuple[Finding, ...]


def detect(profile: Profile, original: str) -> Detection:
    """Run every rule of ``profile`` on ``original``."""
    norm = normalize(original, profile.abbreviations, profile.in_context)
    text = norm.text
    # where the liaison typed "é": canonical text has lost the accent
    accented = frozenset(
        i for i, start in enumerate(norm.starts) if original[start : start + 1] in ("é", "É")
    )
    advice = _trigger_findings(profile, text) + _imperative_findings(profile, text, accented)
    advice.sort(key=lambda finding: (finding.start, finding.rule_id))
    return Detection(norm, tuple(advice), tuple(_peer_findings(profile, text)))
