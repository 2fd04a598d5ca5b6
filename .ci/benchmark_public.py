"""The public pages' load test (`make bench-public`, docs/benchmarks.md, "Öffentliche Seiten").

gunicorn with 2 sync workers serves the app in production mode on a database that
.ci/benchmark-public has filled (`load_demo --scale 10`, PostgreSQL); wrk (Debian package) sends
200 anonymous clients on the loopback, in alternating rounds, to the public overview `/public/`
and to the public floor `/benchmark/public-floor/` (the public layout and a heading, nothing
from the database, not cached), so that a busy moment of the shared machine touches both alike.
Printed per round: requests per second, p50/p95/p99 latency, responses other than 200, socket
errors and the workers' CPU time per request; then the median over the rounds of each page's
p50 and their ratio (the issue's target: at most 2). Exit status 1 on any error. Last, in this
process, a table of every public page: queries and time on the first load after a save and
from the cache.

    .venv/bin/python .ci/benchmark_public.py --database-url postgres://postgres@127.0.0.1/x
"""

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_load import BASE_DIR, production_environment, run_wrk

PAGES = {"floor": "/benchmark/public-floor/", "overview": "/public/"}
TARGET_RATIO = 2.0


def collect_static(env):
    os.environ.update(env)
    # The settings folder, then the project itself (not every app is an installed package).
    sys.path[:0] = env["PYTHONPATH"].split(os.pathsep)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def public_paths():
    """Every public page and download, for the richest objects of the demo data."""
    from django.db.models import Count
    from django.urls import reverse

    from committee.models import Meeting
    from measures.models import ArchivedReport
    from public.data import public_measures

    measure = public_measures().annotate(n=Count("status_reports")).order_by("-n", "pk").first()
    meeting = Meeting.objects.public().annotate(n=Count("agenda_items")).order_by("-n").first()
    report = ArchivedReport.objects.filter(edition=ArchivedReport.Edition.PUBLIC).first()
    paths = [reverse(name) for name in ("benchmark_public_floor", "public:overview")]
    paths += [reverse("public:measure_list")]
    if measure:
        paths.append(reverse("public:measure_detail", args=[measure.pk]))
    paths.append(reverse("public:committee"))
    if meeting:
        paths.append(reverse("public:meeting_detail", args=[meeting.pk]))
    paths.append(reverse("public:reports"))
    if report:
        paths.append(reverse("public:report_download", args=[report.pk]))
    names = ("open_data", "measures_csv", "measures_json", "accessibility", "feedback")
    paths += [reverse(f"public:{name}") for name in names]
    paths += [reverse(f"public:{name}") for name in ("imprint", "privacy", "easy_language")]
    return paths


def page_table(rounds):
    """In this process (Django's test client, production settings): each public page's queries
    and median time on the first load after a save (nothing cached) and from the cache."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.caching import forget_everything

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for path in public_paths():
        cold, warm, queries = [], [], {}
        for _ in range(rounds):
            forget_everything()
            for times, kind in ((cold, "cold"), (warm, "warm")):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    if response.streaming:
                        b"".join(response.streaming_content)
                    times.append(1000 * (time.perf_counter() - started))
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")
                queries[kind] = len(captured)
        rows.append((path, queries, statistics.median(cold), statistics.median(warm)))
    floor = rows[0][2]
    print(f"\n== public pages in one process, median of {rounds} (ms; × the floor's first load)")
    print(f"{'page':<44} {'queries':>9} {'first ms':>9} {'cached ms':>9} {'× floor':>8}")
    for path, queries, cold, warm in rows:
        counts = f"{queries['cold']} / {queries['warm']}"
        print(f"{path:<44} {counts:>9} {cold:>9.1f} {warm:>9.1f} {cold / floor:>8.1f}")


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_serving(base, server):
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped; see its output above")
        try:
            if status_of(base + PAGES["floor"]) == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cache-url", default="", help="DJANGO_CACHE_URL, e.g. redis://…")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=10, help="per page and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--page-rounds", type=int, default=15, help="for the page table")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk (.ci/benchmark-public does it)")

    folder = Path(tempfile.mkdtemp(prefix="integrationsplan-public-load-"))
    env = production_environment(folder, options.database_url, options.cache_url)
    # The issued reports that load_demo archived are where it put them (.ci/benchmark-public).
    env["DJANGO_MEDIA_ROOT"] = os.environ.get("DJANGO_MEDIA_ROOT", env["DJANGO_MEDIA_ROOT"])
    collect_static(env)
    port = 8000 + secrets.randbelow(1000)
    base = f"http://127.0.0.1:{port}"
    command = [str(BASE_DIR / ".venv/bin/gunicorn"), "integration_office.wsgi"]
    command += ["--workers", str(options.workers), "--bind", f"127.0.0.1:{port}"]
    command += ["--no-control-socket", "--timeout", "60", "--backlog", "2048"]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    runs = []
    try:
        wait_until_serving(base, server)
        for path in list(PAGES.values()) * 10:  # both workers: templates compiled, cache filled
            status = status_of(base + path)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
        for number in range(1, options.rounds + 1):
            for name, path in PAGES.items():
                figures = run_wrk(base, "", [path], options.clients, options.seconds, server.pid)
                runs.append((number, name, figures))
        server.terminate()
        server.wait(timeout=30)
        report(options, runs)
        page_table(options.page_rounds)
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if any(figures["errors"] for _n, _page, figures in runs) else 0


def report(options, runs):
    """The rounds, then each page's median p50 over the rounds and the ratio."""
    cache = options.cache_url or "default (memory of each worker, versions in the database)"
    print(
        f"\n== public load: gunicorn {options.workers} sync workers, {options.clients} "
        f"anonymous clients, {options.rounds} rounds of {options.seconds} s per page, "
        f"cache {cache}"
    )
    print(
        f"{'round':>5} {'page':<28} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'CPU ms/req':>10}"
    )
    for number, name, figures in runs:
        print(
            f"{number:>5} {PAGES[name]:<28} {figures['per_second']:>7.1f} {figures['p50']:>7.1f} "
            f"{figures['p95']:>7.1f} {figures['p99']:>7.1f} {figures['errors']:>6} "
            f"{figures['cpu_ms']:>10.2f}"
        )

    def median(name, key):
        return statistics.median(figures[key] for _n, page, figures in runs if page == name)

    medians = {name: median(name, "p50") for name in PAGES}
    ratio = medians["overview"] / medians["floor"]
    errors = sum(figures["errors"] for _n, _page, figures in runs)
    verdict = "ok" if ratio <= TARGET_RATIO else "over the target"
    print(
        f"median p50: {PAGES['overview']} {medians['overview']:.1f} ms, {PAGES['floor']} "
        f"{medians['floor']:.1f} ms, ratio {ratio:.2f} (target ≤ {TARGET_RATIO:.0f}: {verdict}); "
        f"errors {errors}"
    )
    print(
        f"median CPU per request: {PAGES['overview']} {median('overview', 'cpu_ms'):.2f} ms, "
        f"{PAGES['floor']} {median('floor', 'cpu_ms'):.2f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
