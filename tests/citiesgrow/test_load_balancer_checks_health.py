import os

import pytest

from citiesgrow.celery import app as celery_app


@pytest.fixture
def broker(monkeypatch):
    """Point the healthcheck at a broker for one test, as a deployment with a worker does."""
    saved = celery_app.conf.broker_url, celery_app.conf.task_always_eager

    def use(url):
        # Celery reads CELERY_BROKER_URL from the environment before its own setting.
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        celery_app.conf.broker_url = url
        celery_app.conf.task_always_eager = False

    yield use
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved


def test_healthy_when_database_and_broker_answer(client, db, broker):
    url = os.environ.get("CELERY_BROKER_URL")
    if not url:
        pytest.fail("CELERY_BROKER_URL must point at Redis for this test (make test sets it).")
    broker(url)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_unhealthy_when_the_broker_does_not_answer(client, db, broker):
    broker("redis://127.0.0.1:1/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == "ok"
    assert body["broker"].startswith("error: ")


def test_without_a_broker_tasks_run_in_process_and_that_is_healthy(client, db):
    # The test settings run tasks in-process (tests/conftest.py), like `make run`.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["broker"] == "not configured: tasks run in-process"


def test_healthz_needs_no_sign_in_and_no_https_redirect(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz")

    assert response.status_code == 200
