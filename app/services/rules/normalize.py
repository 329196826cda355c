"""Text normalization that keeps a map back to the original characters.

Liaisons write in SMS style, without accents, with curly quotes and stretched letters
("pleeease", "deberia", "u shud"). Patterns are written once against a canonical form
(casefolded, accents stripped, abbreviations expanded), but a liaison must see the phrase
*they* typed, so every normalized character remembers the original slice it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Typographic apostrophes/quotes and dashes folded to ASCII so one pattern fits all keyboards.
_CHAR_FOLD = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Boundaries where a new clause (and so a possible imperative) starts.
# A period after a title ("Mr. Kargbo", "Sra. López") ends neither a clause nor a sentence.
_PERIOD = (
    r"(?:(?<!\b[mM]r)(?<!\b[mM]rs)(?<!\b[mM]s)(?<!\b[dD]r)(?<!\b[sS]r)(?<!\b[sS]ra)(?<!\b[sS]t)\.)"
)
CLAUSE_BREAK = re.compile(
    r"(?:" + _PERIOD + r"|[!?;:,\n()\[\]\"/|+&])+|\s-\s|\.\.\.|[^\x00-\u024f\s]+"
)
SENTENCE_BREAK = re.compile(r"(?:" + _PERIOD + r"|[!?;\n])+|[^\x00-\u024f\s]+")


@dataclass(frozen=True)
class Normalized:
    """Canonical text plus, per canonical character, the original [start, end) it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical [start, end) back to offsets into the original text."""
        if not self.text or end <= start:
            pos = (
                self.starts[start]
                if start < len(self.starts)
                else (self.ends[-1] if self.ends else 0)
            )
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _fold_chars(text: str) -> tuple[list[str], list[int], list[int]]:
    """Casefold, strip accents and control characters, one original char at a time."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        folded = _CHAR_FOLD.get(char, char)
        if unicodedata.category(folded)[0] == "C":
            folded = " "  # NUL bytes, zero-width and other controls act as spaces
        for piece in unicodedata.normalize("NFD", folded.casefold()):
            if unicodedata.combining(piece):
                continue
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
    return chars, starts, ends


def _collapse_repeats(
    chars: list[str], starts: list[int], ends: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """Turn 3+ repeated letters into 2 ("sooo" -> "soo", "pleeease" -> "pleease")."""
    out_c: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    for char, start, end in zip(chars, starts, ends, strict=True):
        if len(out_c) >= 2 and char.isalpha() and out_c[-1] == char and out_c[-2] == char:
            out_e[-1] = end
            continue
        out_c.append(char)
        out_s.append(start)
        out_e.append(end)
    return out_c, out_s, out_e


ContextualWord = Callable[[str, str, str], str | None]


def _no_context(previous: str, token: str, following: str) -> str | None:
    return None


def normalize(
    text: str, abbreviations: Mapping[str, str], in_context: ContextualWord = _no_context
) -> Normalized:
    """Build the canonical form of ``text``; ``abbreviations`` maps SMS tokens to words.

    ``in_context(previous, token, following)`` may replace tokens whose reading depends on
    their neighbours ("need 2 take" -> "need to take", but "2 kids" stays).
    """
    chars, starts, ends = _collapse_repeats(*_fold_chars(text))
    folded = "".join(chars)
    out: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    cursor = 0
    tokens = list(_TOKEN.finditer(folded))
    for index, match in enumerate(tokens):
        previous = tokens[index - 1].group() if index else ""
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        replacement = abbreviations.get(match.group())
        if replacement is None:
            replacement = in_context(previous, match.group(), following)
        if replacement is None:
            continue
        out.extend(folded[cursor : match.start()])
        out_s.extend(starts[cursor : match.start()])
        out_e.extend(ends[cursor : match.start()])
        token_start, token_end = starts[match.start()], ends[match.end() - 1]
        out.extend(replacement)
        out_s.extend([token_start] * len(replacement))
        out_e.extend([token_end] * len(replacement))
        cursor = match.end()
    out.extend(folded[cursor:])
    out_s.extend(starts[cursor:])
    out_e.extend(ends[cursor:])
    return Normalized("".join(out), tuple(out_s), tuple(out_e))


def words(text: str) -> list[str]:
    """Word tokens of canonical text (apostrophe contractions kept whole)."""
    return _TOKEN.findall(text)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """[start, end) of the pieces of ``text`` between matches of ``pattern``."""
    pieces: list[tuple[int, int]] = []
    cursor = 0
    for match in pattern.finditer(text):
        if match.start() > cursor:
            pieces.append((cursor, match.start()))
        cursor = match.end()
    if cursor < len(text):
        pieces.append((cursor, len(text)))
    return pieces
