import pytest


@pytest.fixture(autouse=True)
def _pages_render_without_collectstatic(settings, tmp_path):
    """Pages link static files by name; the suite runs without `collectstatic`, so no manifest.
    Uploaded files go to a temporary directory."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
