import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from actionplans import services
from actionplans.models import Decision, PlanState

from .plans import PDF, decision, plan_in_state


def test_administrative_approver_records_the_approval_with_a_signed_pdf(network, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    document = SimpleUploadedFile("signed.pdf", PDF, content_type="application/pdf")

    approval = services.record_approval(
        plan=plan, by=network["administrative_approver"], document=document, **decision()
    )

    assert plan.state == PlanState.APPROVED
    assert approval.kind == Decision.Kind.APPROVAL and approval.document.read().startswith(b"%PDF-")
    assert approval.version.state == PlanState.APPROVED


def test_political_approver_endorses_and_the_plan_becomes_public(network):
    plan = plan_in_state(network, PlanState.APPROVED)
    services.record_endorsement(
        plan=plan, by=network["political_approver"], conditions="Report to the council yearly.", **decision()
    )
    assert plan.state == PlanState.ENDORSED and plan.is_public


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"<html>not a pdf</html>", "document"),
        (b"MZ\x90\x00 a program renamed to .pdf", "document"),
    ],
)
def test_a_signed_document_that_is_not_a_pdf_is_refused(network, content, field):
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    document = SimpleUploadedFile("signed.pdf", content, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.record_approval(plan=plan, by=network["administrative_approver"], document=document, **decision())
    assert error.value.message_dict[field] == ["The signed document must be a PDF file."]
    plan.refresh_from_db()
    assert plan.state == PlanState.RECOMMENDED and not Decision.objects.exists()


def test_a_signed_document_over_the_size_limit_is_refused(network, settings):
    settings.PLAN_DOCUMENT_MAX_BYTES = 1000
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    document = SimpleUploadedFile("signed.pdf", PDF + b"0" * 1000, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.record_approval(plan=plan, by=network["administrative_approver"], document=document, **decision())
    assert "limit" in error.value.message_dict["document"][0]
    plan.refresh_from_db()
    assert plan.state == PlanState.RECOMMENDED


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"body": " "}, "body"),
        ({"reference": ""}, "reference"),
        ({"decided_on": None}, "decided_on"),
        ({"decided_on": datetime.date.today() + datetime.timedelta(days=3)}, "decided_on"),
    ],
)
def test_a_decision_without_its_particulars_is_refused(network, overrides, field):
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    with pytest.raises(ValidationError) as error:
        services.record_approval(plan=plan, by=network["administrative_approver"], **decision(**overrides))
    assert field in error.value.message_dict
    plan.refresh_from_db()
    assert plan.state == PlanState.RECOMMENDED


def test_the_endorsement_is_not_dated_before_the_approval(network):
    plan = plan_in_state(network, PlanState.APPROVED)
    with pytest.raises(ValidationError) as error:
        services.record_endorsement(
            plan=plan, by=network["political_approver"], **decision(decided_on=datetime.date(2018, 9, 1))
        )
    assert "before the approval" in error.value.message_dict["decided_on"][0]
    plan.refresh_from_db()
    assert plan.state == PlanState.APPROVED
