"""Schemathesis against the OpenAPI schema at /api/schema/, through the WSGI app (no server).

Every operation of the served schema is called with generated parameters, anonymously and with a personal
token of a city officer: no server error, and a status, content type and body the schema documents.
Schema-invalid parameters (schemathesis' negative mode) must be refused with a 4xx. Every filter of every
list, given any text at all, answers 200 or 400 with a message; a filter a list does not know answers 400
with a message naming it."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import given
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from api.services import create_token
from tests.world import World

from .conftest import fuzz
from .strategies import PROBES, nasty_text

SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
OPERATIONS = sorted((path, method.upper()) for path, methods in SCHEMA["paths"].items() for method in methods)
LISTS = sorted(path for path, method in OPERATIONS if method == "GET" and "{" not in path)
WHO = ("anonymous", "officer's token")
POSITIVE_CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
NEGATIVE_CHECKS = [not_a_server_error, negative_data_rejection]


def parameters(path, method="GET"):
    return SCHEMA["paths"][path][method.lower()].get("parameters", [])


def can_be_invalid(path, method):
    """Whether any parameter has a schema a value can violate (a free-text slug cannot be made invalid)."""
    return any(p["schema"] != {"type": "string"} for p in parameters(path, method))


def filters_of(path):
    return [p["name"] for p in parameters(path) if p["in"] == "query" and p["name"] not in ("page", "page_size")]


def needs_token(path):
    return {} not in SCHEMA["paths"][path]["get"].get("security", [{}])


@pytest.fixture
def wsgi_app(settings):
    """The project's WSGI app inside the test's transaction: like Django's test client, a request must not close
    the database connection the test runs in."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api(network, wsgi_app):
    """The served schema, the headers of each kind of caller, and private and public things to read."""
    World(network)
    _, raw = create_token(user=network["officer"], name="Fuzzing")
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app)
    return schema, {"anonymous": {}, "officer's token": {"Authorization": f"Bearer {raw}"}}


def run(operation, headers, mode, checks, max_examples):
    @fuzz(max_examples)
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case):
        cache.clear()  # the anonymous rate limit (60 a minute) is not what is tested here
        case.call_and_validate(headers=headers, checks=checks)

    call()


def test_the_fuzzed_operations_are_the_whole_api():
    assert {"/api/cities/", "/api/visits/", "/api/recommendations/", "/api/plans/"} <= set(LISTS)
    assert len(OPERATIONS) == 2 * len(LISTS), "every list has its detail operation"


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_operation_answers_generated_requests_as_documented(api, path, method):
    schema, headers = api
    operation = schema[path][method]

    for who in WHO:
        run(operation, headers[who], GenerationMode.POSITIVE, POSITIVE_CHECKS, max_examples=10)
        if can_be_invalid(path, method):
            run(operation, headers[who], GenerationMode.NEGATIVE, NEGATIVE_CHECKS, max_examples=5)


@pytest.mark.parametrize("path", LISTS)
def test_every_filter_answers_any_text_with_a_list_or_a_message(api, client, path):
    _, headers = api
    header = headers["officer's token"] if needs_token(path) else {}

    def check(name, value):
        cache.clear()
        response = client.get(path, {name: value}, headers=header)

        assert response.status_code in (200, 400, 404), (name, value, response.status_code)
        if response.status_code != 200:
            detail = response.json()["detail"]
            assert detail.strip() and (name in detail or response.status_code == 404), (name, value, detail)

    names = [*filters_of(path), "page", "page_size"]
    for name in names:
        for value in PROBES:
            check(name, value)
    fuzz(len(names) * 6)(given(name=st.sampled_from(names), value=nasty_text())(check))()


@pytest.mark.parametrize("path", LISTS)
def test_an_unknown_filter_answers_400_naming_it(api, client, path):
    _, headers = api
    header = headers["officer's token"] if needs_token(path) else {}
    known = set(filters_of(path)) | {"page", "page_size", "format"}

    @fuzz(8)
    @given(name=st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True).filter(lambda n: n not in known))
    def call(name):
        cache.clear()
        response = client.get(path, {name: "1"}, headers=header)

        assert response.status_code == 400
        assert f"Unknown filter '{name}'" in response.json()["detail"]

    call()
