"""Language tags (BCP 47), written the way the registry spells them: `en`, `es-MX`, `zh-Hant`."""

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$"


def canonical_language_tag(tag: str) -> str:
    """`ES-mx` → `es-MX`: language lower case, script title case, region upper case."""
    language, *subtags = tag.split("-")
    parts = [language.lower()]
    for subtag in subtags:
        if len(subtag) == 4 and subtag.isalpha():
            parts.append(subtag.title())
        elif (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            parts.append(subtag.upper())
        else:
            parts.append(subtag.lower())
    return "-".join(parts)


LanguageTag = Annotated[
    str,
    StringConstraints(max_length=35, pattern=LANGUAGE_TAG_PATTERN),
    AfterValidator(canonical_language_tag),
]
