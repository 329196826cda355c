"""The rules module: what a liaison may send to a family.

Public API::

    evaluate_liaison_message(phase, text, *, intent=None, language=None) -> Verdict

How it decides
--------------
1. The TEXT is classified, never the declared intent. Categories, strictest first:
   ``advice`` (any direction about the family's own life anywhere in the message),
   ``best_practice`` (a report of what OTHER households did, or a pointer to their post),
   ``neutral`` (verification, logistics, app help, thanks, open questions).
2. Advice is found by *directive forms* (modals, imperatives at a clause start, softened
   suggestions, steering questions, warnings, referrals, peer nudges) whose scope is about
   the family's life rather than the survey/app/meeting. See ``engine`` for the scheme.
3. Phase I allows only neutral; phase II allows neutral and best practice; advice is never
   allowed. A declared ``best_practice`` intent in phase I is blocked even if the text is
   neutral (``phase.best_practice_in_phase_one``): intent can only make things stricter.
4. Text is normalized (casefold, accents, SMS spellings like "u shud", "deberia", "pls")
   before matching; reason spans are offsets into the ORIGINAL text.
5. Two small linear models back the rules up (``model``): the advice model adds a block no rule
   names and may lift a command the rules only guessed from position; the report model may
   turn a report the rules only guessed into group news, never in a text where advice was found.

Language policy
---------------
``language`` may be "en", "es" or any BCP-47 tag ("es-MX"); without it, en/es is guessed
from stopwords. The English and Spanish detectors both run on every text. If the language is
unsupported (hint like "fr", or a text of 4+ words detected as neither), the message could
not be checked reliably, so it is BLOCKED with ``language.unsupported`` (and
``language_supported=False``) -- the safe choice for a rule that protects families. Only
empty texts and texts without letters (emoji, numbers) are allowed in that case.

The module is pure standard-library Python: no I/O, deterministic, total on any ``str``.
"""

from app.services.rules.classifier import evaluate_liaison_message
from app.services.rules.verdict import Category, Intent, Phase, Reason, Verdict

__all__ = [
    "Category",
    "Intent",
    "Phase",
    "Reason",
    "Verdict",
    "evaluate_liaison_message",
]
