"""Remove import previews older than an hour: they hold personal data (run every 15 minutes)."""

from django.core.management.base import BaseCommand

from core.imports.uploads import remove_stale_uploads


class Command(BaseCommand):
    help = "Remove uploaded import previews that are older than one hour."

    def handle(self, *args, **options):
        removed = remove_stale_uploads()
        self.stdout.write(f"{removed} import preview(s) removed.")
