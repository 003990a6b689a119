"""An audit entry, once written, can be neither changed nor deleted: not through the model, not through a
queryset, not with raw SQL on PostgreSQL."""

import pytest
from django.db import IntegrityError, connection, transaction

from audit.models import Action, AppendOnlyError, AuditEntry
from audit.services import record


@pytest.fixture
def entry(network):
    return record(Action.TOKEN_CREATED, actor=network["officer"], target=network["officer"], name="Portal")


def test_the_model_refuses_to_save_a_change_or_to_delete(entry):
    entry.target_repr = "someone else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).target_repr == str(entry.actor)


def test_querysets_refuse_to_update_or_delete(entry):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action=Action.TOKEN_REVOKED)
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_update([entry], ["action"])
    assert AuditEntry.objects.filter(pk=entry.pk, action=Action.TOKEN_CREATED).exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET action = 'token.revoked' WHERE id = %s",
        "UPDATE audit_auditentry SET actor_email = 'nobody@example.org' WHERE id = %s",
        "UPDATE audit_auditentry SET actor_id = NULL, target_repr = 'hidden' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ],
    ids=["change the action", "change the actor's address", "null the actor and change more", "delete"],
)
def test_the_database_refuses_raw_sql(entry, sql):
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [entry.pk])
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.action, stored.actor_id, stored.actor_email) == (
        Action.TOKEN_CREATED,
        entry.actor_id,
        entry.actor_email,
    )


def test_the_entry_outlives_its_actor(entry):
    email = entry.actor_email
    entry.actor.delete()

    stored = AuditEntry.objects.get(pk=entry.pk)
    assert stored.actor is None and stored.actor_email == email and stored.details == {"name": "Portal"}


def test_an_entry_is_rolled_back_with_the_action_it_records(network):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(Action.TOKEN_CREATED, actor=network["officer"])
        raise RuntimeError("the action failed")
    assert not AuditEntry.objects.filter(action=Action.TOKEN_CREATED).exists()
