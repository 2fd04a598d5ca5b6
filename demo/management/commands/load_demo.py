import time

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEMO_PASSWORD, DemoDataError, load_demo


class Command(BaseCommand):
    help = (
        "Load demo data for the Integrationsplan of Göppingen. Safe to run again: existing "
        "demo data is kept, only missing scaled copies and the demo users are added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply measures, actors and status reports by N for benchmarks (default 1).",
        )

    def handle(self, *args, scale, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        started = time.monotonic()
        try:
            result = load_demo(scale)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started

        if result.created:
            self.stdout.write(self.style.SUCCESS("Demodaten angelegt."))
        else:
            self.stdout.write("Die Demodaten sind bereits vorhanden; nichts doppelt angelegt.")
        if result.copies:
            self.stdout.write(
                f"Skalierte Kopien angelegt: {result.copies[0]} bis {result.copies[-1]}."
            )
        width = max(len(label) for label in result.counts)
        for label, count in result.counts.items():
            self.stdout.write(f"  {label:<{width}}  {count:>6}")
        if result.users is None:
            self.stdout.write(
                self.style.WARNING("DEBUG ist aus: Es wurden keine Demo-Benutzer angelegt.")
            )
        else:
            self.stdout.write(f"Demo-Benutzer (Passwort für alle: {DEMO_PASSWORD}):")
            for username, role in result.users:
                self.stdout.write(f"  {username:<16} {role}")
        self.stdout.write(f"Dauer: {elapsed:.1f} s")
