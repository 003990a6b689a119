import re

from api.models import PersonalToken, hash_token


def test_person_creates_a_token_and_sees_it_once(client, world):
    client.force_login(world["officer"])

    created = client.post("/tokens/", {"name": "City open-data portal"})
    raw = re.search(r'value="(cg_[^"]+)"', created.content.decode()).group(1)
    later = client.get("/tokens/").content.decode()

    assert created.status_code == 201
    token = PersonalToken.objects.get()
    assert token.token_hash == hash_token(raw) and raw not in str(token.__dict__)
    assert "City open-data portal" in later and raw not in later and token.prefix in later


def test_person_gives_no_name_and_is_told(client, world):
    client.force_login(world["officer"])

    response = client.post("/tokens/", {"name": "  "})

    assert response.status_code == 400
    assert "Give the token a name" in response.content.decode()
    assert not PersonalToken.objects.exists()


def test_person_revokes_a_token_and_it_stops_working(client, world):
    client.force_login(world["officer"])
    raw = re.search(r'value="(cg_[^"]+)"', client.post("/tokens/", {"name": "Script"}).content.decode()).group(1)
    token = PersonalToken.objects.get()

    response = client.post(f"/tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    client.logout()
    assert client.get("/api/visits/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_nobody_revokes_another_persons_token(client, world):
    client.force_login(world["officer"])
    client.post("/tokens/", {"name": "Mine"})
    token = PersonalToken.objects.get()
    client.force_login(world["other_city_officer"])

    response = client.post(f"/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
