"""In the admin, staff read and search the log, and can neither add, change nor delete an entry."""

from audit.models import Action, AuditEntry
from audit.services import record


def test_staff_search_the_log_in_the_admin(staff_client, network):
    record(Action.TOKEN_CREATED, actor=network["officer"], target=network["officer"], name="Portal")
    record(Action.TOKEN_CREATED, actor=network["expert"], target=network["expert"], name="Script")

    response = staff_client.get("/admin/audit/auditentry/", {"q": network["expert"].email})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == list(AuditEntry.objects.filter(actor=network["expert"]))
    filters = response.content.decode()
    assert "By action" in filters and "By when" in filters


def test_staff_cannot_add_change_or_delete_an_entry_in_the_admin(staff_client, network):
    entry = record(Action.TOKEN_CREATED, actor=network["officer"], target=network["officer"], name="Portal")
    url = f"/admin/audit/auditentry/{entry.pk}/"

    assert staff_client.get("/admin/audit/auditentry/add/").status_code == 403
    assert staff_client.post(f"{url}change/", {"action": Action.TOKEN_REVOKED}).status_code == 403
    assert staff_client.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    assert staff_client.post(
        "/admin/audit/auditentry/", {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"}
    ).status_code in (200, 302)

    assert AuditEntry.objects.filter(pk=entry.pk, action=Action.TOKEN_CREATED).exists()
    assert staff_client.get(f"{url}change/").status_code == 200
