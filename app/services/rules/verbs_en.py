"""Is a clause-initial English word the bare imperative of a verb no list names?

The hand-made verb lists cover the usual money, school and health verbs, but liaisons write
"swap the cable for…", "funnel the tips into…", "hold off on the loan": verbs no list can
anticipate. lemminflect (an installed package with its own dictionary, nothing fetched at run
time) tells whether a word can be the base form of a verb. Because many such words are also
nouns ("school fees are due", "rent went up"), an ambiguous word only counts when what follows
looks like an object or particle, and never when an auxiliary follows it.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that open friendly statements with the subject dropped ("hope you're well", "love the
# photos", "need your receipt"): they greet, thank or ask for program things, never direct.
COURTESY_VERBS = _words(
    """
    hope love thank welcome wish miss enjoy rest congratulate bless pray mean like guess bet
    know hear believe feel need want appreciate apologize apologise wonder suppose understand
    agree notice expect see look sound seem happen say read glad do be am is are was were have
    has had let please kindly excuse pardon forgive greet god praise cheer hi hello bye
    may might must shall will would could should can rest stay sleep worry stress panic hurry
    hang over under after before during since until about across around through even saw
    """
)

# A noun subject is followed by a verb or auxiliary ("school fees are due", "work is slow").
_AUXILIARIES = _words(
    """
    is are was were be been 's has have had will would can could should shall may might must
    does did do went got gets keeps kept seems looks looked came comes goes done isn't aren't
    wasn't weren't won't can't didn't doesn't hasn't haven't come don dey says shows reads
    showing said or go gone double doubled tripled rose dropped fell jumped
    """
)

# After a word that could be a noun, these make it read as a command with an object.
_OBJECT_OPENERS = _words(
    """
    the a an your you that this those these some more less all any it them him her up down off
    out away back aside extra every each his their our yourself yourselves by
    """
)


# Spanish words that follow a Spanish command the English dictionary also knows ("revise su
# cuenta"): both profiles read every message, so the English one must not claim those.
_SPANISH_FOLLOWERS = _words("su sus la el los las de que un una y en al del lo le les tu mi se")
# Hindi postpositions after a noun: "loan wale sawaal mein", "rent ka amount"
_HINDI_FOLLOWERS = _words("wale wala wali ka ki ke mein ko se par")


@lru_cache(maxsize=4096)
def _forms(word: str) -> tuple[bool, bool]:
    """(can be a base-form verb, can also be another part of speech)."""
    lemmas = getAllLemmas(word)
    verb = word in lemmas.get("VERB", ())
    other = bool({"NOUN", "ADJ", "ADV", "PROPN"} & lemmas.keys())
    return verb, other


# Message headings that look like commands: "update from Guatemala", "word from the group".
_HEADINGS = _words("update word greetings shout note message news reminder love update")
_HEADING_LINKS = _words("from to on about of")
# "feed highlight: …", "group update: …": a program noun before a news noun
_PROGRAM_NOUNS = _words("feed group program story community weekly monthly")
_NEWS_NOUNS = _words("highlight highlights update updates news spotlight alert post story")


def follows_subject(word: str, following: str) -> bool:
    """Does ``following`` show that ``word`` is a subject or a heading, not a command?"""
    if following in _HINDI_FOLLOWERS:
        return True
    if word in _HEADINGS and following in _HEADING_LINKS:
        return True
    if word in _PROGRAM_NOUNS and following in _NEWS_NOUNS:
        return True
    return following in _AUXILIARIES or (following.endswith("ed") and len(following) > 4)


_RARELY_COMMANDS = frozenset({"near", "past", "opposite", "beside", "behind", "cost"})


def is_open_imperative(word: str, following: str | None) -> bool:
    """Does ``word`` (then ``following``) open a command with a verb the lists don't name?"""
    if word in COURTESY_VERBS or len(word) < 3 or following in _SPANISH_FOLLOWERS:
        return False
    if word in _RARELY_COMMANDS:
        return False  # "Same place, near the Catholic church"; "Cost them half the price"
    verb, other = _forms(word)
    if not verb:
        return False
    return not other or following in _OBJECT_OPENERS
