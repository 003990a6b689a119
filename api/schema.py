from django.utils.translation import gettext, gettext_lazy
from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": gettext("A personal token, created at /tokens/ on the site."),
        }


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=gettext_lazy("What went wrong, in a sentence."))


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, with the error answers every operation of this API can give: clients (and
    schema-driven tools) learn that a 401 or a 404 carries a `detail` message rather than a surprise."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = {"401": "The token is wrong or revoked, or the list needs one.", "429": "Too many requests."}
        if self._is_list_view():
            errors["400"] = "An unknown filter, or a value the filter does not take."
            errors["404"] = "No such page of the list."
        else:
            errors["404"] = "No such object, or not one the caller may see."
        for code, description in sorted(errors.items()):
            responses.setdefault(
                code, self._get_response_for_code(OpenApiResponse(ErrorSerializer, description=description), code)
            )
        return responses

    def _map_basic_serializer(self, serializer, direction):
        """A field the serializer gives only on request (Meta.on_request, e.g. a plan's objectives in the list
        without ?expand=objectives) is not required: clients and schema checks learn it may be absent."""
        schema = super()._map_basic_serializer(serializer, direction)
        on_request = getattr(getattr(serializer, "Meta", None), "on_request", [])
        if on_request and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in on_request]
        return schema
