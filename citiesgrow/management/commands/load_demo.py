from django.apps import apps
from django.core.management.base import BaseCommand

from actionplans.demo import load_demo_plans
from actionplans.models import ActionPlan
from events.demo import load_demo_events
from mentoring.demo import load_demo_network
from mentoring.demo_network import DEMO_PASSWORD
from mentoring.models import City, Organisation, Pairing, Recommendation, Scheme, Visit
from notifications.services import without_email
from toolkits.demo import load_demo_toolkits

SHOWN = [
    "officer@athens.example",
    "officer@munich.example",
    "admin@athens.example",
    "political@athens.example",
    "expert@migrationwork.example",
    "expert@mpg.example",
    "coordinator@eurocities.example",
]


class Command(BaseCommand):
    help = "Load the CITIES-GROW demo network (cities, partners, schemes, pairings, fictional people). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--all-logins", action="store_true", help="List every demo login, not only a selection.")

    def handle(self, *args, all_logins=False, **options):
        # The plans reach their stages through the real services, which notify people: their history
        # shows in the demo inboxes, but loading the demo mails nobody (and a second run adds nothing).
        with without_email():
            logins = load_demo_network()
            created = load_demo_plans()
            toolkits = load_demo_toolkits()
            events = load_demo_events()
            # Other apps add their demo content (profiles…) through a `load_demo` method on their AppConfig.
            for config in apps.get_app_configs():
                if callable(getattr(config, "load_demo", None)):
                    config.load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo network loaded: {City.objects.count()} cities, {Organisation.objects.count()} organisations, "
                f"{Scheme.objects.count()} schemes, {Pairing.objects.count()} pairings, "
                f"{Visit.objects.count()} visits, {Recommendation.objects.count()} recommendations."
            )
        )
        self.stdout.write(self.style.SUCCESS(toolkits))
        self.stdout.write(
            f"Action plans: {ActionPlan.objects.count()}, one per pairing at another stage of the workflow"
            f" ({created} new)."
        )
        self.stdout.write(self.style.SUCCESS(events))
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for email, role, scope in logins:
            if all_logins or email in SHOWN:
                self.stdout.write(f"  {email:<34} {role}, {scope}")
        if not all_logins:
            self.stdout.write(
                "  …and officer@, admin@ and political@ <city>.example for every city "
                "(python manage.py load_demo --all-logins lists them)."
            )
        self.stdout.write(
            "Coordinator staff set up two-factor authentication (any authenticator app) before staff pages."
        )
