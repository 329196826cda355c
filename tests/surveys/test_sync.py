"""The queue of a phone that was offline: answered per item, one bad item never fails it."""

from sqlmodel import select

from app.models.survey import SurveySubmission
from tests.surveys.world import answers, month, submission


def test_a_mixed_queue_is_answered_item_by_item(client, world, db) -> None:
    good = submission(period=month(2))
    resent = submission(period=month(1))
    assert (
        client.put(f"/v1/me/surveys/{month(1)}", json=resent, headers=world.family.headers)
    ).status_code == 201
    items = [
        good,
        good,  # the same item twice in one queue
        resent,  # sent before, online
        resent | {"answers": answers(savings=1)},  # same id, other answers
        submission(period=month(1)),  # a second survey for a month already in
        submission(period=month(0), answers=answers(rent_on_time="maybe")),
        {"client_submission_id": "nope", "period": month(0)},
        {"period": "2026-13", "form_version": 1, "answers": {}},
        "not even an object",
        submission(period=month(-2)),  # the future
        submission(period=month(0)),
    ]
    response = client.post("/v1/me/sync", json={"items": items}, headers=world.family.headers)
    assert response.status_code == 422  # a string is not an item: the envelope is checked
    items.remove("not even an object")
    response = client.post("/v1/me/sync", json={"items": items}, headers=world.family.headers)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [result["status"] for result in results] == [
        "created",
        "replayed",
        "replayed",
        "conflict",
        "conflict",
        "invalid",
        "invalid",
        "invalid",
        "invalid",
        "created",
    ]
    assert [result["index"] for result in results] == list(range(10))
    assert results[3]["code"] == "submission-conflict"
    assert results[4]["code"] == "period-already-submitted"
    assert results[4]["submission_id"] == results[2]["submission_id"]
    assert results[5]["errors"][0]["field"] == "answers.rent_on_time"
    assert results[6]["client_submission_id"] == "nope"
    assert results[8]["code"] == "invalid-period"
    assert results[0]["submission_id"] == results[1]["submission_id"]
    periods = sorted(row.period for row in db.exec(select(SurveySubmission)).all())
    assert periods == sorted([month(2), month(1), month(0)])


def test_a_queue_holds_at_most_fifty_items(client, world) -> None:
    items = [submission(period=month(1)) for _ in range(51)]
    response = client.post("/v1/me/sync", json={"items": items}, headers=world.family.headers)
    assert response.status_code == 422
    assert (
        client.post("/v1/me/sync", json={"items": []}, headers=world.family.headers).status_code
        == 422
    )


def test_a_resent_queue_replays_everything(client, world) -> None:
    items = [submission(period=month(n)) for n in range(3)]
    first = client.post("/v1/me/sync", json={"items": items}, headers=world.family.headers).json()
    again = client.post("/v1/me/sync", json={"items": items}, headers=world.family.headers).json()
    assert {r["status"] for r in first["results"]} == {"created"}
    assert {r["status"] for r in again["results"]} == {"replayed"}
    assert [r["submission_id"] for r in first["results"]] == [
        r["submission_id"] for r in again["results"]
    ]
