import pytest
from django.core.exceptions import ValidationError

from actionplans import services
from actionplans.models import Comment, Event

from .plans import plan_in_state


@pytest.fixture
def plan(network):
    return plan_in_state(network, "draft")


@pytest.mark.parametrize("role", ["mentor_officer", "expert", "coordinator", "officer"])
def test_people_of_the_pairing_comment_on_a_section(network, plan, role):
    comment = services.add_comment(plan=plan, by=network[role], body="Who funds this?", section="objectives")
    assert comment.section == "objectives" and comment.author == network[role]


@pytest.mark.parametrize("role", ["other_expert", "other_city_officer"])
def test_outsiders_do_not_comment(network, plan, role):
    with pytest.raises(services.NotAllowed):
        services.add_comment(plan=plan, by=network[role], body="Hello")
    assert not Comment.objects.exists()


def test_a_reply_joins_the_thread_and_mentions_notify_people_of_the_pairing(network, plan):
    question = services.add_comment(plan=plan, by=network["expert"], body="Is the budget final?", section="objectives")
    officer, outsider = network["officer"], network["other_city_officer"]
    reply = services.add_comment(
        plan=plan,
        by=network["mentor_officer"],
        body=f"@{officer.email} can answer; @{outsider.email} is not in the pairing. <script>x</script>",
        parent=question,
    )
    assert reply.parent == question and reply.section == "objectives"
    assert list(reply.mentions.all()) == [officer]
    assert "<script>" not in reply.body
    mention = Event.objects.get(name="comment.mention")
    assert list(mention.recipients.all()) == [officer]
    added = Event.objects.filter(name="comment.added").last()
    assert network["expert"] in added.recipients.all()


def test_an_empty_comment_is_refused(network, plan):
    with pytest.raises(ValidationError):
        services.add_comment(plan=plan, by=network["expert"], body="<script>only this</script>")


def test_the_implementing_city_resolves_comments(network, plan):
    comment = services.add_comment(plan=plan, by=network["expert"], body="Add a risk.")
    with pytest.raises(services.NotAllowed):
        services.resolve_comment(comment=comment, by=network["mentor_officer"])
    resolved = services.resolve_comment(comment=comment, by=network["officer"])
    assert resolved.is_resolved and resolved.resolved_by == network["officer"]
