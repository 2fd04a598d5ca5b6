"""Benchmark: render the monitoring report at the current data; pages, seconds, peak memory."""

import io
import os
import resource
import time
import tracemalloc

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.pdf import render_pdf
from measures.models import ArchivedReport, MonitoringRound
from measures.reports.archive import REPORT_TEMPLATE
from measures.reports.data import monitoring_report_data


def page_count(pdf):
    try:
        from pypdf import PdfReader  # a development dependency, as is this command
    except ImportError:
        return None
    return len(PdfReader(io.BytesIO(pdf)).pages)


def peak_rss_mb():
    # ru_maxrss is in kilobytes on Linux: the process's peak resident memory so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = (
        "Render the monitoring report at the current data and print measures, pages, seconds "
        "and peak memory (nothing is stored)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, help="id of a round (default: current state)")
        parser.add_argument("--edition", choices=ArchivedReport.Edition.values, default="internal")
        parser.add_argument(
            "--tracemalloc",
            dest="trace",
            action="store_true",
            help="also trace Python allocations (slows rendering down; timings then run first)",
        )

    def handle(self, *args, round=None, edition="internal", trace=False, **options):
        monitoring_round = None
        if round is not None:
            monitoring_round = MonitoringRound.objects.filter(pk=round).first()
            if monitoring_round is None:
                raise CommandError(f"There is no monitoring round {round}.")
        rss_before = peak_rss_mb()
        cpu_started = time.process_time()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            data = monitoring_report_data(monitoring_round, edition)
        gathered = time.perf_counter()
        if data is None:
            raise CommandError("No plan has been adopted: there is nothing to report.")
        pdf = render_pdf(REPORT_TEMPLATE, data)
        finished = time.perf_counter()
        cpu = time.process_time() - cpu_started
        measures = data["measure_count"]
        total = finished - started
        self.stdout.write(f"Report:        {data['title']}")
        self.stdout.write(f"Measures:      {measures}")
        self.stdout.write(f"Pages:         {page_count(pdf) or '? (pypdf missing)'}")
        self.stdout.write(f"Size:          {len(pdf) / 1024:.0f} KiB")
        self.stdout.write(f"Queries:       {len(queries)}")
        self.stdout.write(f"Data:          {gathered - started:.2f} s")
        self.stdout.write(f"Rendering:     {finished - gathered:.2f} s")
        self.stdout.write(
            f"Total:         {total:.2f} s ({1000 * total / max(measures, 1):.1f} ms per measure)"
        )
        # On a shared machine the wall-clock time includes waiting for the CPU; the CPU time
        # is what the rendering itself costs.
        self.stdout.write(
            f"CPU time:      {cpu:.2f} s ({1000 * cpu / max(measures, 1):.1f} ms per measure), "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        self.stdout.write(
            f"Peak memory:   {peak_rss_mb():.0f} MB resident (process; {rss_before:.0f} MB "
            "before rendering)"
        )
        if trace:
            self.stdout.write(
                f"Python peak:   {self.traced_peak(monitoring_round, edition):.0f} MB"
            )

    def traced_peak(self, monitoring_round, edition):
        """Peak of Python allocations during a second, traced run."""
        tracemalloc.start()
        try:
            render_pdf(REPORT_TEMPLATE, monitoring_report_data(monitoring_round, edition))
            return tracemalloc.get_traced_memory()[1] / 1024 / 1024
        finally:
            tracemalloc.stop()
