"""The product's settings with the benchmark's URLconf, for the gunicorn that bench/performance.py loads.

The constant view exists only here: the product's URLconf, and so the permission matrix, never see it."""

from citiesgrow.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
