"""Forms, submitting, resending and revising, as a family's phone does it."""

import uuid

import pytest
from sqlmodel import select

from app.models.audit import AuditEntry
from app.models.survey import SurveyRevision, SurveySubmission
from tests.surveys.world import SurveyWorld, answers, month, submission


def test_the_form_is_the_common_core_in_english_and_spanish(client, world: SurveyWorld) -> None:
    response = client.get("/v1/me/survey-form", headers=world.family.headers)
    assert response.status_code == 200, response.text
    form = response.json()
    ids = [question["id"] for question in form["questions"]]
    assert ids[:3] == ["income_work", "income_business", "income_other"]
    assert set(form["core_question_ids"]) == set(ids)
    assert form["currency"] == "USD"
    assert all({"en", "es"} <= question["label"].keys() for question in form["questions"])
    kinds = next(q for q in form["questions"] if q["id"] == "help_given_kinds")
    assert [c["id"] for c in kinds["choices"]] == [
        "money",
        "childcare",
        "food",
        "transport",
        "advice",
        "other",
    ]


def test_the_form_answers_304_when_unchanged(client, world: SurveyWorld) -> None:
    first = client.get("/v1/me/survey-form", headers=world.family.headers)
    tag = first.headers["etag"]
    assert tag.startswith('"')
    again = client.get("/v1/me/survey-form", headers=world.family.headers | {"If-None-Match": tag})
    assert again.status_code == 304
    assert again.headers["etag"] == tag
    assert not again.content
    other = client.get(
        "/v1/me/survey-form", headers=world.family.headers | {"If-None-Match": '"stale"'}
    )
    assert other.status_code == 200


def test_a_partner_adds_its_own_questions_as_a_new_version(client, world: SurveyWorld) -> None:
    admin = world.actors.partner_admin.headers
    own = {
        "id": "garden_harvest",
        "type": "count",
        "label": {"en": "Harvest baskets", "es": "Canastas cosechadas"},
        "required": True,
        "min": 0,
        "max": 100,
    }
    url = f"/v1/demonstrations/{world.demonstration.id}/survey-form"
    before = client.get("/v1/me/survey-form", headers=world.family.headers).headers["etag"]
    published = client.put(url, json={"questions": [own]}, headers=admin)
    assert published.status_code == 201, published.text
    assert published.json()["version"] == 2
    form = client.get(
        "/v1/me/survey-form", headers=world.family.headers | {"If-None-Match": before}
    )
    assert form.status_code == 200
    assert form.json()["questions"][-1]["id"] == "garden_harvest"
    period = month(1)
    missing = client.put(
        f"/v1/me/surveys/{period}",
        json=submission(form_version=2),
        headers=world.family.headers,
    )
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "answers.garden_harvest"
    ok = client.put(
        f"/v1/me/surveys/{period}",
        json=submission(form_version=2, answers=answers(garden_harvest=4)),
        headers=world.family.headers,
    )
    assert ok.status_code == 201, ok.text
    # The old version still takes answers made on it, offline, before the new one came out.
    old = client.put(f"/v1/me/surveys/{month(2)}", json=submission(), headers=world.family.headers)
    assert old.status_code == 201, old.text
    # The other partner's family still has the core only.
    theirs = client.get("/v1/me/survey-form", headers=world.other_family.headers).json()
    assert "garden_harvest" not in theirs["core_question_ids"]
    assert theirs["version"] == 1


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        ({"id": "income_work", "type": "count", "label": {"en": "x", "es": "x"}}, "core_id"),
        ({"id": "only_english", "type": "count", "label": {"en": "x"}}, "missing_language"),
    ],
)
def test_own_questions_must_be_new_and_in_every_language(
    client, world: SurveyWorld, question, problem
) -> None:
    response = client.put(
        f"/v1/demonstrations/{world.demonstration.id}/survey-form",
        json={"questions": [question]},
        headers=world.actors.partner_admin.headers,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == problem


@pytest.mark.parametrize(
    "question",
    [
        {"id": "x", "type": "count", "label": {"en": "x", "es": "x"}, "min": 5, "max": 1},
        {"id": "x", "type": "single_choice", "label": {"en": "x", "es": "x"}},
        {"id": "x", "type": "yes_no", "label": {"en": "x", "es": "x"}, "max": 3},
        {"id": "Bad Id", "type": "count", "label": {"en": "x", "es": "x"}},
        {"id": "x", "type": "photo", "label": {"en": "x", "es": "x"}},
        {"id": "x", "type": "count", "label": {}},
    ],
)
def test_malformed_questions_are_a_422(client, world: SurveyWorld, question) -> None:
    response = client.put(
        f"/v1/demonstrations/{world.demonstration.id}/survey-form",
        json={"questions": [question]},
        headers=world.actors.partner_admin.headers,
    )
    assert response.status_code == 422, response.text


def test_submitting_creates_one_survey_with_its_first_revision(client, world, db) -> None:
    body = submission()
    response = client.put(f"/v1/me/surveys/{month()}", json=body, headers=world.family.headers)
    assert response.status_code == 201, response.text
    survey = response.json()
    assert survey["state"] == "submitted"
    assert survey["revisions_count"] == 1
    assert survey["answers"]["help_given_kinds"] == ["childcare", "food"]
    assert response.headers["etag"]
    stored = db.exec(select(SurveyRevision)).all()
    assert [revision.number for revision in stored] == [1]
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "survey.submitted")).one()


def test_resending_the_same_survey_returns_it_and_makes_nothing(client, world, db) -> None:
    body = submission()
    url = f"/v1/me/surveys/{month()}"
    first = client.put(url, json=body, headers=world.family.headers)
    again = client.put(url, json=body, headers=world.family.headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    # Key order and explicit nulls do not make different answers.
    reordered = body | {"answers": dict(reversed(list(body["answers"].items())))}
    reordered["answers"]["no_such_optional"] = None
    assert client.put(url, json=reordered, headers=world.family.headers).status_code == 200
    assert len(db.exec(select(SurveySubmission)).all()) == 1
    assert (
        len(db.exec(select(AuditEntry).where(AuditEntry.action == "survey.submitted")).all()) == 1
    )


def test_the_same_client_id_with_other_answers_is_a_409(client, world) -> None:
    body = submission()
    url = f"/v1/me/surveys/{month()}"
    assert client.put(url, json=body, headers=world.family.headers).status_code == 201
    changed = body | {"answers": answers(savings=1)}
    response = client.put(url, json=changed, headers=world.family.headers)
    assert response.status_code == 409
    assert response.json()["code"] == "submission-conflict"
    other_month = client.put(f"/v1/me/surveys/{month(1)}", json=body, headers=world.family.headers)
    assert other_month.json()["code"] == "submission-conflict"


def test_a_second_survey_for_a_month_points_to_the_first(client, world) -> None:
    url = f"/v1/me/surveys/{month()}"
    first = client.put(url, json=submission(), headers=world.family.headers).json()
    response = client.put(url, json=submission(), headers=world.family.headers)
    assert response.status_code == 409
    assert response.json()["code"] == "period-already-submitted"
    assert response.json()["submission_id"] == first["id"]


def test_another_households_client_id_is_a_conflict_not_a_leak(client, world) -> None:
    body = submission()
    url = f"/v1/me/surveys/{month()}"
    assert client.put(url, json=body, headers=world.family.headers).status_code == 201
    response = client.put(url, json=body, headers=world.other_family.headers)
    assert response.status_code == 409
    assert "answers" not in response.json()


@pytest.mark.parametrize("months_ago", [-1, -13, 5])
def test_months_in_the_future_or_before_enrolment_are_refused(client, world, months_ago) -> None:
    response = client.put(
        f"/v1/me/surveys/{month(months_ago)}", json=submission(), headers=world.family.headers
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid-period"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"income_work": -1}, "answers.income_work"),
        ({"income_work": "100"}, "answers.income_work"),
        ({"income_work": 1.5}, "body.answers.income_work"),
        ({"members_employed": 31}, "answers.members_employed"),
        ({"members_employed": True}, "answers.members_employed"),
        ({"anyone_unable_to_work": "no"}, "answers.anyone_unable_to_work"),
        ({"rent_on_time": "sometimes"}, "answers.rent_on_time"),
        ({"help_given_kinds": ["food", "food"]}, "answers.help_given_kinds"),
        ({"help_given_kinds": ["gold"]}, "answers.help_given_kinds"),
        ({"help_given_kinds": "food"}, "answers.help_given_kinds"),
        ({"savings": None}, "answers.savings"),
        ({"favourite_colour": "blue"}, "answers.favourite_colour"),
        ({"Bad Key": 1}, "body.answers.Bad Key"),
        ({"income_work": 2**63}, "body.answers.income_work"),
        ({"income_work": 10**12 + 1}, "answers.income_work"),
    ],
)
def test_bad_answers_are_a_422_naming_the_question(client, world, db, overrides, field) -> None:
    body = submission(answers=answers(**overrides))
    response = client.put(f"/v1/me/surveys/{month()}", json=body, headers=world.family.headers)
    assert response.status_code == 422, response.text
    fields = [error["field"] for error in response.json()["errors"]]
    assert any(f == field or f.startswith(field + ".") for f in fields), fields
    assert not db.exec(select(SurveySubmission)).all()


def test_a_whole_number_written_as_a_json_float_is_an_integer_answer(client, world) -> None:
    # JSON has one number type: some phone keyboards and JSON libraries send 120000.0
    body = submission(answers=answers(income_work=120000.0, members_employed=2.0))
    response = client.put(f"/v1/me/surveys/{month()}", json=body, headers=world.family.headers)
    assert response.status_code in (200, 201), response.text
    stored = response.json()["answers"]
    assert stored["income_work"] == 120000 and isinstance(stored["income_work"], int)
    assert stored["members_employed"] == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"form_version": 99}, "form_version"),
        ({"form_version": 0}, "body.form_version"),
        ({"client_submission_id": "not-a-uuid"}, "body.client_submission_id"),
        ({"answers": []}, "body.answers"),
    ],
)
def test_bad_envelopes_are_a_422(client, world, body, field) -> None:
    response = client.put(
        f"/v1/me/surveys/{month()}", json=submission(**body), headers=world.family.headers
    )
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]


@pytest.mark.parametrize("period", ["2026-13", "2026-1", "26-01", "2026-00", "abcdefg"])
def test_malformed_months_are_a_422(client, world, period) -> None:
    response = client.put(
        f"/v1/me/surveys/{period}", json=submission(), headers=world.family.headers
    )
    assert response.status_code == 422


def test_revising_keeps_every_revision_and_needs_if_match(client, world, db) -> None:
    url = f"/v1/me/surveys/{month()}"
    created = client.put(url, json=submission(), headers=world.family.headers)
    tag = created.headers["etag"]
    change = {"form_version": 1, "answers": answers(savings=9000)}
    missing = client.patch(url, json=change, headers=world.family.headers)
    assert missing.status_code == 428
    stale = client.patch(url, json=change, headers=world.family.headers | {"If-Match": '"x.1"'})
    assert stale.status_code == 412
    revised = client.patch(url, json=change, headers=world.family.headers | {"If-Match": tag})
    assert revised.status_code == 200, revised.text
    assert revised.json()["answers"]["savings"] == 9000
    assert revised.json()["revisions_count"] == 2
    assert revised.headers["etag"] != tag
    # The phone resends the same revision with the old ETag: nothing new, no 412.
    again = client.patch(url, json=change, headers=world.family.headers | {"If-Match": tag})
    assert again.status_code == 200
    assert again.json()["revisions_count"] == 2
    history = client.get(f"{url}/revisions", headers=world.family.headers).json()
    assert [revision["answers"]["savings"] for revision in history] == [5000, 9000]
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "survey.revised")).one()
    # The original client id still replays after the revision.
    listed = client.get("/v1/me/surveys", headers=world.family.headers).json()
    assert [item["period"] for item in listed["items"]] == [month()]


def test_a_family_only_sees_its_own_surveys(client, world) -> None:
    url = f"/v1/me/surveys/{month()}"
    client.put(url, json=submission(), headers=world.family.headers)
    assert client.get(url, headers=world.other_family.headers).status_code == 404
    assert client.get("/v1/me/surveys", headers=world.other_family.headers).json()["items"] == []


def test_a_family_member_without_a_household_is_told_so(client, world) -> None:
    response = client.get("/v1/me/survey-form", headers=world.actors.family.headers)
    assert response.status_code == 403
    assert response.json()["code"] == "not-in-household"


@pytest.mark.parametrize("role", ["platform_admin", "partner_admin", "liaison"])
def test_staff_cannot_submit_or_revise_for_a_family(client, world, role) -> None:
    headers = world.actors.by_role()[role].headers
    url = f"/v1/me/surveys/{month()}"
    assert client.put(url, json=submission(), headers=headers).status_code == 403
    assert client.patch(url, json=submission(), headers=headers).status_code == 403
    assert (
        client.post("/v1/me/sync", json={"items": [submission()]}, headers=headers).status_code
        == 403
    )


def test_anonymous_calls_are_401(client) -> None:
    assert client.get("/v1/me/survey-form").status_code == 401
    assert client.put(f"/v1/me/surveys/{month()}", json=submission()).status_code == 401


def test_unknown_ids_do_not_matter_for_replay(client, world) -> None:
    body = submission(client_submission_id=str(uuid.uuid4()))
    assert (
        client.put(f"/v1/me/surveys/{month()}", json=body, headers=world.family.headers).status_code
        == 201
    )
