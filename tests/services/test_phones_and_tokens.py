"""Property tests of the pure cores of sign-in: phone normalization and token handling."""

import re
import string
import uuid
from datetime import timedelta

import phonenumbers
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.models.base import utcnow
from app.models.user import Role
from app.services.phones import InvalidPhone, normalize_phone
from app.services.security import (
    AccessClaims,
    decode_access_token,
    encode_access_token,
    keyed_hash,
)

E164 = re.compile(r"^\+[1-9]\d{6,14}$")
KEY = "property-test-key-that-is-long-enough-for-hs256"
OTHER_KEY = "another-key-that-is-also-long-enough-for-hs256"
NUMBER_TYPES = (
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.TOLL_FREE,
)


def _example_numbers() -> list[tuple[str, phonenumbers.PhoneNumber]]:
    examples = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for number_type in NUMBER_TYPES:
            number = phonenumbers.example_number_for_type(region, number_type)
            if number is not None and phonenumbers.is_valid_number(number):
                examples.append((region, number))
    return examples


EXAMPLE_NUMBERS = _example_numbers()


def test_there_are_example_numbers_from_many_regions() -> None:
    assert len({region for region, _ in EXAMPLE_NUMBERS}) > 200


example_numbers = st.sampled_from(EXAMPLE_NUMBERS)


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@st.composite
def formatting_variants(draw: st.DrawFn) -> tuple[str, str, str]:
    """(region, expected E.164, one way a person might type that number)."""
    region, number = draw(example_numbers)
    styles = [
        phonenumbers.PhoneNumberFormat.E164,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        phonenumbers.PhoneNumberFormat.NATIONAL,
    ]
    text = phonenumbers.format_number(number, draw(st.sampled_from(styles)))
    # Regroup the digits the way people do: spaces, dashes, dots, parentheses anywhere.
    separator = st.sampled_from(["", "", " ", "-", ".", "  ", " - "])
    regrouped = []
    for char in text:
        if char.isdigit() or char == "+":
            regrouped.append(char + draw(separator))
    variant = "".join(regrouped).strip(" -.")
    if draw(st.booleans()) and not variant.startswith("+"):
        variant = f"({variant[:3]}) {variant[3:]}"
    return region, _e164(number), draw(st.sampled_from([variant, f" {variant} "]))


@given(formatting_variants())
@example(("US", "+14155550100", "(415) 555-0100"))
@example(("US", "+14155550100", "+1 415-555-0100"))
@example(("GB", "+442079460000", "020 7946 0000"))
def test_formatting_variants_of_one_number_normalize_to_the_same_e164(
    variant: tuple[str, str, str],
) -> None:
    region, expected, text = variant
    assert normalize_phone(text, region) == expected


@given(example_numbers, st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS)))
def test_international_numbers_ignore_the_default_region(
    example: tuple[str, phonenumbers.PhoneNumber], default_region: str
) -> None:
    _, number = example
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    assert normalize_phone(international, default_region) == _e164(number)


phone_like_text = st.text(alphabet="0123456789+()-. ", max_size=40)


@given(
    st.one_of(
        st.text(max_size=60),
        phone_like_text,
        st.builds(lambda e: _e164(e[1]), example_numbers),
    ),
    st.sampled_from(["US", "GB", "LR", "MX", "IN", "us"]),
)
@example("\x00", "US")
@example("+" + "9" * 300, "US")
@example("١٢٣٤٥٦٧٨٩٠", "US")  # Arabic-Indic digits
def test_normalize_phone_output_is_e164_and_idempotent_or_invalid_phone(
    raw: str, region: str
) -> None:
    try:
        normalized = normalize_phone(raw, region)
    except InvalidPhone:
        return
    assert E164.match(normalized), normalized
    assert normalize_phone(normalized, region) == normalized
    assert normalize_phone(normalized, "LR") == normalized  # E.164 does not need a region


def test_invalid_numbers_raise_invalid_phone() -> None:
    for raw in ["", "12", "+1 415 555", "+999 1234567", "not a phone", "+", "(((", "0" * 40]:
        with pytest.raises(InvalidPhone):
            normalize_phone(raw, "US")


roles = st.sampled_from(list(Role))
claims = st.builds(AccessClaims, st.uuids(), st.uuids(), roles)


def _token(value: AccessClaims, key: str = KEY) -> str:
    return encode_access_token(key, value, issued_at=utcnow(), lifetime=timedelta(minutes=15))


@given(claims)
def test_access_tokens_round_trip(value: AccessClaims) -> None:
    assert decode_access_token(KEY, _token(value)) == value


@given(claims)
def test_a_token_signed_with_another_key_is_refused(value: AccessClaims) -> None:
    assert decode_access_token(KEY, _token(value, OTHER_KEY)) is None
    assert decode_access_token(OTHER_KEY, _token(value)) is None


@given(claims, st.data())
def test_any_single_character_change_spoils_a_token(
    value: AccessClaims, data: st.DataObject
) -> None:
    token = _token(value)
    position = data.draw(st.integers(0, len(token) - 1), label="position")
    replacement = data.draw(
        st.sampled_from(string.ascii_letters + string.digits + "-_.=+/ ").filter(
            lambda char: char != token[position]
        ),
        label="replacement",
    )
    changed = token[:position] + replacement + token[position + 1 :]
    assert decode_access_token(KEY, changed) is None


@given(claims)
def test_every_last_character_of_the_signature_but_the_right_one_is_refused(
    value: AccessClaims,
) -> None:
    # base64url leaves spare bits in the last character; lenient decoders accept several
    # spellings of one signature. A token must have exactly one.
    token = _token(value)
    for char in string.ascii_letters + string.digits + "-_":
        if char != token[-1]:
            assert decode_access_token(KEY, token[:-1] + char) is None


@given(claims)
def test_expired_tokens_are_refused(value: AccessClaims) -> None:
    token = encode_access_token(
        KEY, value, issued_at=utcnow() - timedelta(hours=1), lifetime=timedelta(minutes=15)
    )
    assert decode_access_token(KEY, token) is None


@given(st.text(max_size=300))
@example("")
@example("a.b.c")
@example("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
def test_arbitrary_text_is_never_a_token(text: str) -> None:
    assert decode_access_token(KEY, text) is None


# Keys like the ones the platform makes (`secrets.token_urlsafe`). HMAC pads short keys with
# zero bytes and hashes long ones, so "k" and "k\x00" are the same key by design; such keys
# are not what a deployment uses.
keys = st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=80)


@given(keys, keys, st.text())
def test_keyed_hash_differs_between_keys(key: str, other_key: str, value: str) -> None:
    if key != other_key:
        assert keyed_hash(key, value) != keyed_hash(other_key, value)
    else:
        assert keyed_hash(key, value) == keyed_hash(other_key, value)


@given(keys, st.text(), st.text())
def test_keyed_hash_differs_between_values(key: str, value: str, other_value: str) -> None:
    digest = keyed_hash(key, value)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert (digest == keyed_hash(key, other_value)) == (value == other_value)


def test_keyed_hash_is_not_the_plain_value() -> None:
    value = str(uuid.uuid4())
    assert value not in keyed_hash(KEY, value)
