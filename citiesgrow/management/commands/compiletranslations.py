"""Compile the committed `.po` catalogues into the `.mo` files Django reads.

Django's own `compilemessages` needs GNU gettext's `msgfmt`; this one needs only
Python (polib), so `make run` works on a machine with nothing but Python. A
catalogue is compiled again only when its `.po` is newer than its `.mo`.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the .po translation catalogues into .mo files (no GNU gettext needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even the up-to-date catalogues.")

    def handle(self, *args, force=False, **options):
        compiled = 0
        for locale_path in map(Path, settings.LOCALE_PATHS):
            for po_path in sorted(locale_path.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"{po_path.relative_to(settings.BASE_DIR)}: {catalogue.percent_translated()}%")
        self.stdout.write(f"Compiled {compiled} translation catalogue(s).")
