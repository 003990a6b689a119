"""The library's full-text index (PostgreSQL only) and the frames of reference.

The GIN index on `search_vector` is created with SQL on PostgreSQL and skipped on
SQLite (`make run`), where the library falls back to a plain substring search. It is
not part of the model state, so SQLite's table rebuilds in later migrations never
try to recreate it."""

from django.db import migrations

INDEX = "toolkits_goodpractice_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON toolkits_goodpractice USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def load_frames(apps, schema_editor):
    from toolkits.frames import load_frames as load

    load(
        apps.get_model("toolkits", "CharterRole"),
        apps.get_model("toolkits", "CharterCommitment"),
        apps.get_model("toolkits", "EuropeanModule"),
        apps.get_model("toolkits", "ModuleComponent"),
    )


class Migration(migrations.Migration):
    dependencies = [("toolkits", "0001_initial")]

    operations = [
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(load_frames, migrations.RunPython.noop),
    ]
