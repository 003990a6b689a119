"""The product's URLs plus /bench/constant/: the framework's floor for the throughput comparison."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from citiesgrow.urls import urlpatterns as product_urlpatterns

CONSTANT_PAGE = "<!doctype html><html lang=en><title>Constant</title><p>The same small page every time.</p></html>"


@login_required
def constant(request):
    """A fixed small page behind the same middleware and the same signed-in session as the real pages."""
    return HttpResponse(CONSTANT_PAGE)


urlpatterns = [path("bench/constant/", constant, name="bench_constant"), *product_urlpatterns]
