"""A household's data rights: export everything that references it, and erasure.

Both walk the schema rather than a hand-kept list, so a table added later is covered: the
household's rows are those of every table with a foreign key to `households`, and, one level
down, the rows that hang off those (survey revisions, review comments, story revisions …) and
belong to no other household. Erasure blanks personal data and free text there, keeps the
numeric survey answers (so the aggregates stay the same), and writes one audit entry that
counts what it changed without any of it.
"""

import uuid
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.models import metadata
from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.progress import ErasureReceipt
from app.services import audit, consent, highlights, photo_gc, surveys
from app.services.principal import Principal
from app.services.storage import PhotoStorage
from app.services.survey_core import CORE_QUESTIONS

SECRET_MARKERS = ("hash", "storage_key")
ERASED = "[erased]"
# Free text and identifiers a person typed or is known by, wherever the walk finds them.
ERASE_COLUMNS = frozenset(
    {"text", "title", "comment", "reason", "full_name", "first_name", "phone", "phone_hint",
     "span", "label", "email"}
)  # fmt: skip
# Photos show people and homes: their rows go, and their files unless another household's photo
# has the same bytes (storage is content-addressed).
DELETE_TABLES = frozenset({"household_network_tags", "photos"})
CHOICE_ANSWERS = frozenset(q["id"] for q in CORE_QUESTIONS if q["type"] == "single_choice")
SKIP_TABLES = frozenset({"audit_log"})


def _household_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [
        column
        for column in table.columns
        if any(fk.column.table.name == "households" for fk in column.foreign_keys)
    ]


def owned_rows(session: Session, household_id: uuid.UUID) -> Iterator[tuple[sa.Table, Any]]:
    """(table, row) for every row that belongs to the household."""
    owned: dict[str, set[Any]] = {}
    households_table = metadata.tables["households"]
    for row in session.execute(
        sa.select(households_table).where(households_table.c.id == household_id)
    ):
        owned["households"] = {row.id}
        yield households_table, row
    level_one = []
    for table in metadata.sorted_tables:
        columns = _household_columns(table)
        if not columns or table.name in SKIP_TABLES:
            continue
        level_one.append(table.name)
        condition = sa.or_(*(column == household_id for column in columns))
        for row in session.execute(sa.select(table).where(condition)):
            if "id" in table.c:
                owned.setdefault(table.name, set()).add(row.id)
            yield table, row
    for table in metadata.sorted_tables:
        if table.name in level_one or table.name in SKIP_TABLES or table.name == "households":
            continue
        links = [
            (column, fk.column.table.name)
            for column in table.columns
            for fk in column.foreign_keys
            if fk.column.table.name in owned
            and fk.column.table.name != "households"
            and fk.column.name == "id"
        ]
        if not links:
            continue
        condition = sa.or_(*(column.in_(owned[parent]) for column, parent in links))
        for row in session.execute(sa.select(table).where(condition)):
            yield table, row


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID | datetime | date):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    return value


def export(session: Session, actor: Principal) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table that references the caller's household, secrets left out."""
    household, _ = surveys.family_context(session, actor)
    result: dict[str, list[dict[str, Any]]] = {}
    for table, row in owned_rows(session, household.id):
        result.setdefault(table.name, []).append(
            {
                key: _jsonable(value)
                for key, value in row._mapping.items()
                if not any(marker in key for marker in SECRET_MARKERS)
            }
        )
    return result


def _kept_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """Numbers, yes/no and choice ids stay (the aggregates need them); typed text goes."""
    return {
        key: value
        for key, value in answers.items()
        if not isinstance(value, str) or key in CHOICE_ANSWERS
    }


def erase(session: Session, actor: Principal, storage: PhotoStorage) -> ErasureReceipt:
    household, demonstration = surveys.family_context(session, actor)
    now = utcnow()
    counts: dict[str, int] = {}
    touched_ids: set[str] = set()
    # Erasure withdraws what reaches beyond the household: its posts narrow back to the group
    # and a highlight featuring it is withdrawn, not left published with its story in it.
    for purpose in (ConsentPurpose.SHARE_BEYOND_GROUP, ConsentPurpose.PUBLIC_FEATURE):
        consent.record_consent(
            session, actor, household.id, demonstration.organization_id, purpose, False
        )
    withdrawn = highlights.withdraw_for_household(session, actor, household.id)
    if withdrawn:
        counts["highlights_withdrawn"] = withdrawn
    rows = list(owned_rows(session, household.id))
    photo_keys = {row._mapping["storage_key"] for table, row in rows if table.name == "photos"}
    for table, row in rows:
        mapping = row._mapping
        if "id" in table.c:
            touched_ids.add(str(mapping["id"]))
        if table.name in DELETE_TABLES:
            keys = [column == mapping[column.name] for column in table.primary_key.columns]
            session.execute(sa.delete(table).where(*keys))
            counts[table.name] = counts.get(table.name, 0) + 1
            continue
        values: dict[str, Any] = {}
        for name in ERASE_COLUMNS & set(table.c.keys()):
            if table.name == "users" and name == "email" and mapping.get("role") != "family":
                continue
            if mapping[name] is None:
                continue
            if table.name == "users" and name == "email":
                continue
            values[name] = None if table.c[name].nullable else ERASED
        if table.name == "users":
            values |= {
                "phone": None,
                "email": f"erased-{mapping['id'].hex[:12]}@erased.invalid",
                "is_active": False,
                "updated_at": now,
            }
        if "answers" in table.c and isinstance(mapping["answers"], dict):
            kept = _kept_answers(mapping["answers"])
            if kept != mapping["answers"]:
                values["answers"] = kept
        if table.name == "auth_sessions" and mapping.get("revoked_at") is None:
            values["revoked_at"] = now
        if values:
            keys = [column == mapping[column.name] for column in table.primary_key.columns]
            session.execute(sa.update(table).where(*keys).values(**values))
            counts[table.name] = counts.get(table.name, 0) + 1
    # Earlier audit entries about these rows may quote what was erased.
    audit_table = metadata.tables["audit_log"]
    if touched_ids:
        scrubbed = session.execute(
            sa.update(audit_table)
            .where(audit_table.c.entity_id.in_(touched_ids))
            .values(changes={"erased": True})
        )
        counts["audit_log"] = getattr(scrubbed, "rowcount", 0) or 0
    _delete_unshared_files(session, storage, photo_keys)
    session.expire_all()
    audit.record(
        session,
        actor,
        "household.erased",
        "household",
        household.id,
        organization_id=demonstration.organization_id,
        changes={"records_changed": dict(sorted(counts.items()))},
    )
    session.flush()
    return ErasureReceipt(household_id=household.id, erased_at=now, erased=counts)


def _delete_unshared_files(session: Session, storage: PhotoStorage, keys: set[str]) -> None:
    for key in photo_gc.unreferenced(session, keys):
        storage.delete(key)
