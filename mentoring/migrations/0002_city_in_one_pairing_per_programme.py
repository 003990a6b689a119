"""A city may be in one pairing per programme, as mentor or as implementing city.

The unique constraints cover each column; this trigger covers a city that is
mentor in one pairing and implementing in another. An advisory lock per
programme makes concurrent inserts wait for each other, so two transactions
cannot both slip past the check. PostgreSQL only: on SQLite (`make run`) the
model's clean() and the services keep the rule."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION mentoring_pairing_city_once() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('mentoring_pairing'), NEW.programme_id::int);
    IF EXISTS (
        SELECT 1 FROM mentoring_pairing p
        WHERE p.programme_id = NEW.programme_id AND p.id <> NEW.id
          AND (p.mentor_city_id IN (NEW.mentor_city_id, NEW.implementing_city_id)
               OR p.implementing_city_id IN (NEW.mentor_city_id, NEW.implementing_city_id))
    ) THEN
        RAISE EXCEPTION 'a city is in at most one pairing per programme'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'pairing_city_once_per_programme';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER mentoring_pairing_city_once
BEFORE INSERT OR UPDATE OF programme_id, mentor_city_id, implementing_city_id ON mentoring_pairing
FOR EACH ROW EXECUTE FUNCTION mentoring_pairing_city_once();
"""

DROP = """
DROP TRIGGER IF EXISTS mentoring_pairing_city_once ON mentoring_pairing;
DROP FUNCTION IF EXISTS mentoring_pairing_city_once();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("mentoring", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
