from accounts.models import User
from toolkits.demo import load_demo_toolkits


def test_lisbons_officer_sees_the_overdue_brief_and_nothing_of_other_cities(client, demo):
    client.force_login(User.objects.get(email="officer@lisbon.example"))

    page = client.get("/dashboard/city/").content.decode()

    assert "Learning-needs brief for the study visit to Birmingham (17 Apr 2018)" in page
    assert "overdue" in page
    assert "Athens" not in page and "Dresden" not in page


def test_athens_officer_sees_the_recommendation_to_answer(client, demo):
    client.force_login(User.objects.get(email="officer@athens.example"))

    page = client.get("/dashboard/city/").content.decode()

    assert "Answer 1 recommendation of the report of the mentoring visit (8 May 2018)" in page


def test_nantes_officer_sees_the_report_to_write_for_dresden(client, demo):
    client.force_login(User.objects.get(email="officer@nantes.example"))

    page = client.get("/dashboard/city/").content.decode()

    assert "Visit report of the mentoring visit to Dresden (11 Jun 2018)" in page


def test_mpg_expert_sees_the_pairs_of_schemes_a_and_d_with_their_next_deadline(client, demo):
    load_demo_toolkits()
    client.force_login(User.objects.get(email="expert@mpg.example"))

    page = client.get("/dashboard/expert/").content.decode()
    export = client.get("/dashboard/expert/export.csv").content.decode()

    for pair in ("Birmingham → Lisbon", "Brighton &amp; Hove → Utrecht", "Nantes → Dresden", "Ghent → Riga"):
        assert pair in page
    assert "Munich → Athens" not in page
    assert "2018-04-03,Learning-needs brief for the study visit to Birmingham" in export


def test_home_page_links_each_person_to_their_dashboards(client, demo):
    client.force_login(User.objects.get(email="expert@mpg.example"))
    expert_home = client.get("/").content.decode()
    client.force_login(User.objects.get(email="officer@athens.example"))
    officer_home = client.get("/").content.decode()

    assert 'href="/dashboard/expert/"' in expert_home and 'href="/dashboard/city/"' not in expert_home
    assert 'href="/dashboard/city/"' in officer_home and 'href="/staff/dashboard/"' not in officer_home
