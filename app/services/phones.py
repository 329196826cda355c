"""Phone numbers: parsed and validated with libphonenumber, stored in E.164."""

import phonenumbers

from app.errors import Unprocessable


class InvalidPhone(Unprocessable):
    code = "invalid-phone"
    title = "Invalid phone number"


def normalize_phone(raw: str, default_region: str) -> str:
    """`raw` as E.164 (`+14155550100`); national numbers are read in `default_region`."""
    try:
        number = phonenumbers.parse(raw, default_region.upper())
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone("This is not a phone number.") from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone("This phone number does not exist in its country's numbering plan.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """For logs and staff screens that must not show the full number."""
    return e164[:3] + "•" * max(len(e164) - 5, 0) + e164[-2:]
