def test_health(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}


def test_me(client, actors):
    response = client.get("/v1/me", headers=actors.partner_admin.headers)
    assert response.status_code == 200, response.text
    assert response.json()["organization_id"] == str(actors.organization.id)
