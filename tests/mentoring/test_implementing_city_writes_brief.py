import pytest
from django.core.exceptions import ValidationError

from mentoring import services
from mentoring.models import LearningBrief
from tests.factories import VisitFactory


@pytest.fixture
def visit(network):
    return VisitFactory(pairing=network.pairing)


def test_implementing_officer_drafts_then_submits_the_brief(network, visit):
    brief = services.save_brief(
        visit=visit,
        by=network["officer"],
        learning_goals="How the job centre and employers share vacancies for young newcomers.",
        questions="Who pays for the mentors?",
        charter_commitments=["S1", "E1"],
    )
    assert brief.is_draft
    brief = services.save_brief(
        visit=visit, by=network["officer"], learning_goals="Updated goals", charter_commitments=["S1"], submit=True
    )
    assert not brief.is_draft
    assert brief.get_charter_commitments_display() == ["S1 · Equal access to services"]
    assert LearningBrief.objects.count() == 1


def test_a_submitted_brief_no_longer_changes(network, visit):
    services.save_brief(visit=visit, by=network["officer"], learning_goals="Goals", submit=True)
    with pytest.raises(ValidationError):
        services.save_brief(visit=visit, by=network["officer"], learning_goals="Other goals")
    assert LearningBrief.objects.get().learning_goals == "Goals"


def test_unknown_charter_commitments_and_empty_goals_are_refused(network, visit):
    with pytest.raises(ValidationError) as error:
        services.save_brief(visit=visit, by=network["officer"], learning_goals="Goals", charter_commitments=["Z9"])
    assert "charter_commitments" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.save_brief(visit=visit, by=network["officer"], learning_goals="  ")
    assert "learning_goals" in error.value.message_dict
    assert not LearningBrief.objects.exists()
