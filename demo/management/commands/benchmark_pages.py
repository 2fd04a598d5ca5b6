from django.core.management.base import BaseCommand

from demo.benchmark import ADMIN_LIST, FLOOR, measure_pages


class Command(BaseCommand):
    help = (
        "Print every staff page's SQL queries and median response time, and its ratio to the "
        "floor (base.html alone) and to the admin's list of measures, from one interleaved run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=15)

    def handle(self, *args, **options):
        figures = list(measure_pages(options["rounds"]))
        by_name = {page.name: page for page in figures}
        floor = by_name[FLOOR].median
        admin = by_name[ADMIN_LIST].median
        self.stdout.write(
            f"{'page':<34} {'status':>6} {'queries':>7} {'ms':>6} {'× floor':>7} "
            f"{'× admin':>7} {'target':>7}  {'after a save: queries':>21} {'ms':>6} "
            f"{'× floor':>7}"
        )
        for page in figures:
            ratio = page.median / floor
            target = ""
            if page.target:
                target = f"≤ {page.target}" + (" ok" if ratio <= page.target else " NO")
            self.stdout.write(
                f"{page.url:<34} {page.status:>6} {page.queries:>7} {page.median:>6.1f} "
                f"{ratio:>7.1f} {page.median / admin:>7.2f} {target:>7}  "
                f"{page.cold_queries:>21} {page.cold_median:>6.1f} "
                f"{page.cold_median / floor:>7.1f}"
            )
        self.stdout.write(
            f"Medians of {options['rounds']} interleaved rounds; the floor is the layout "
            "(base.html) with a heading for the same user; 'after a save': the first load with "
            "nothing in the cache."
        )
