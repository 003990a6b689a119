import pytest

from toolkits.demo import load_demo_toolkits
from toolkits.models import CommitmentRating, GoodPractice, Toolkit

pytestmark = pytest.mark.django_db


def test_the_demo_library_loads_twice_without_duplicates(demo):
    load_demo_toolkits()
    counts = (Toolkit.objects.count(), GoodPractice.objects.count(), CommitmentRating.objects.count())

    load_demo_toolkits()

    assert (Toolkit.objects.count(), GoodPractice.objects.count(), CommitmentRating.objects.count()) == counts
    assert counts[0] == 11 and counts[1] == 40
    assert not GoodPractice.objects.filter(is_demo=False).exists()
    assert GoodPractice.objects.filter(search_vector="tender").exists()
