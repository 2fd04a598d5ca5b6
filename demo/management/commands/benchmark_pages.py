from django.core.management.base import BaseCommand

from demo.benchmark import measure_pages


class Command(BaseCommand):
    help = "Print SQL queries and median response time of every staff page."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, **options):
        self.stdout.write(f"{'page':<40} {'status':>6} {'queries':>8} {'ms':>8}")
        for url, status, queries, millis in measure_pages(options["repeat"]):
            self.stdout.write(f"{url:<40} {status:>6} {queries:>8} {millis:>8.1f}")
