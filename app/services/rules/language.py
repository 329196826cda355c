"""Language choice and the liaison-facing explanation texts (English and Spanish)."""

from __future__ import annotations

import re
import unicodedata

from app.services.rules import lexicon_en, lexicon_es

SUPPORTED = ("en", "es")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS_TO_JUDGE = 4  # shorter texts ("ok", "👍", "Gracias") are never called foreign


def primary_subtag(tag: str) -> str:
    """'es-MX' -> 'es', ' EN_us ' -> 'en'."""
    return tag.strip().replace("_", "-").split("-")[0].casefold()


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def detect_language(text: str) -> tuple[str, bool]:
    """Guess en/es by stopword counts; ('und', False) when the text is clearly neither."""
    tokens = [_plain(word) for word in _WORD.findall(text)]
    english = sum(token in lexicon_en.STOPWORDS for token in tokens)
    spanish = sum(token in lexicon_es.STOPWORDS for token in tokens)
    latin = sum(all(char < "\u0250" for char in token) for token in tokens)
    if len(tokens) >= _MIN_WORDS_TO_JUDGE and (english + spanish == 0 or latin < len(tokens) / 2):
        return "und", False
    return ("es", True) if spanish > english else ("en", True)


def has_letters(text: str) -> bool:
    """Texts without any letters (emoji, numbers) cannot carry advice in any language."""
    return bool(_WORD.search(text))


EXPLANATIONS: dict[str, dict[str, str]] = {
    "advice.second_person_modal": {
        "en": "Tells the family what they should or must do about their own life.",
        "es": "Le dice a la familia lo que debería o tiene que hacer con su propia vida.",
    },
    "advice.model": {
        "en": "Reads like the advice in the labelled examples, even though no rule names its "
        "form; rephrase it as a question or a logistics message",
        "es": "Se lee como los consejos de los ejemplos etiquetados, aunque ninguna regla "
        "nombre su forma; reformúlelo como pregunta o mensaje de logística",
    },
    "advice.norm_statement": {
        "en": "States what families like this one should do with their life: that is direction.",
        "es": "Dice lo que familias como esta deberían hacer con su vida: eso es dar dirección.",
    },
    "advice.imperative": {
        "en": "A command about the family's own money, work, children, health or decisions.",
        "es": "Una orden sobre el dinero, trabajo, hijos, salud o decisiones de la familia.",
    },
    "advice.softened_suggestion": {
        "en": "A suggestion, even a gentle one, is still advice: families decide on their own.",
        "es": "Una sugerencia, aunque sea suave, sigue siendo un consejo: la familia decide sola.",
    },
    "advice.steering_question": {
        "en": "This question steers the family toward a choice instead of learning from them.",
        "es": "Esta pregunta empuja a la familia hacia una decisión en vez de aprender de ella.",
    },
    "advice.if_i_were_you": {
        "en": "Saying what you would do in their place is a recommendation.",
        "es": "Decir lo que usted haría en su lugar es una recomendación.",
    },
    "advice.first_person_recommendation": {
        "en": "A personal recommendation about the family's decisions.",
        "es": "Una recomendación personal sobre las decisiones de la familia.",
    },
    "advice.peer_nudge": {
        "en": "Sharing what others did is fine in phase II, but urging the family to copy it "
        "is advice.",
        "es": "Contar lo que hicieron otros está bien en la fase II, pero animar a la familia "
        "a copiarlo es un consejo.",
    },
    "advice.warning": {
        "en": "A warning meant to change what the family does is advice.",
        "es": "Una advertencia para cambiar lo que hace la familia es un consejo.",
    },
    "advice.referral": {
        "en": "Pointing the family to a service or resource is direction.",
        "es": "Mandar a la familia a un servicio o recurso es dar dirección.",
    },
    "advice.make_sure": {
        "en": "Asks the family to make sure they do something about their own life.",
        "es": "Pide a la familia asegurarse de hacer algo sobre su propia vida.",
    },
    "advice.counselling": {
        "en": "Offering to plan or budget with the family is counselling.",
        "es": "Ofrecer planear o hacer presupuestos con la familia es dar consejería.",
    },
    "best_practice.peer_report": {
        "en": "Reports what other households did (best practice).",
        "es": "Cuenta lo que hicieron otros hogares (buena práctica).",
    },
    "best_practice.feed_pointer": {
        "en": "Points to another household's post (best practice).",
        "es": "Señala la publicación de otro hogar (buena práctica).",
    },
    "phase.best_practice_in_phase_one": {
        "en": "In phase I liaisons may not share what other families do.",
        "es": "En la fase I no se puede compartir lo que hacen otras familias.",
    },
    "language.unsupported": {
        "en": "This message could not be checked: only English and Spanish are supported.",
        "es": "No se pudo revisar este mensaje: solo se admiten inglés y español.",
    },
}


def explain(rule_id: str, language: str) -> str:
    """The explanation of ``rule_id`` in ``language``, falling back to English."""
    texts = EXPLANATIONS.get(rule_id, {"en": rule_id})
    return texts.get(language, texts["en"])
