"""Settings shared by the fuzz tests: few examples, no deadline, the same examples on every run."""

from hypothesis import HealthCheck, settings

# derandomize: every run (and CI) tries the same examples; database=None: no example store on disk,
# so a failure found once is not silently replayed elsewhere. A database round-trip is slow on a busy
# machine, hence no deadline and no too_slow health check.
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=False,
)


def fuzz(max_examples):
    return settings(FUZZ, max_examples=max_examples)
