"""The load test of `make bench` (docs/benchmarks.md, "Staff pages").

gunicorn with sync workers serves the app in production mode on a database that .ci/benchmark
has filled (`load_demo --scale 10`, PostgreSQL); wrk (Debian package) sends, on the loopback,
as many clients as asked, each asking in turn for the dashboard, the measure list, the actor list
and the floor page (base.html alone), logged in as Koordination, for a fixed time. Then the
floor page alone, for comparison. Printed: requests per second, p50/p95/p99 latency, responses
other than 200, socket errors, and the workers' CPU time per request.

    .venv/bin/python .ci/benchmark_load.py --database-url postgres://postgres@127.0.0.1/x
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MIX = ["/", "/measures/", "/network/actors/", "/benchmark/floor/"]
FLOOR = ["/benchmark/floor/"]
USERNAME = "benchmark-last"


def production_environment(folder, database_url, cache_url):
    """Production mode on the given database; static files collected into `folder`."""
    (folder / "bench_settings.py").write_text(
        "from integration_office.settings import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(folder / 'static')!r}\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(folder), str(BASE_DIR)]),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_CACHE_URL": cache_url,
    }
    return env


def prepare_site(env):
    """Static files, and a Koordination account with a session; the session's cookie."""
    os.environ.update(env)
    sys.path.insert(0, env["PYTHONPATH"].split(os.pathsep)[0])
    import django

    django.setup()
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connections

    from core.roles import KOORDINATION

    call_command("collectstatic", interactive=False, verbosity=0)
    user, _created = get_user_model().objects.update_or_create(
        username=USERNAME, defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name=KOORDINATION))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    connections.close_all()
    return f"sessionid={session.session_key}"


def get(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_serving(base, cookie, server):
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped; see its output above")
        try:
            if get(base + FLOOR[0], cookie) == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer")


def cpu_seconds(master_pid):
    """User and system CPU time of the gunicorn master's workers so far."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    ticks = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def run_wrk(base, cookie, paths, clients, seconds, master_pid):
    env = {**os.environ, "BENCH_PATHS": ",".join(paths), "BENCH_COOKIE": cookie}
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["-s", str(BASE_DIR / ".ci" / "bench_mix.lua"), base + "/"]
    cpu_before = cpu_seconds(master_pid)
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(master_pid) - cpu_before
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = dict(item.split("=") for item in line.split()[1:])
    requests = int(figures["requests"])
    return {
        "requests": requests,
        "per_second": requests / float(figures["seconds"]),
        "p50": float(figures["p50_ms"]),
        "p95": float(figures["p95_ms"]),
        "p99": float(figures["p99_ms"]),
        "errors": int(figures["not_200"]) + int(figures["socket_errors"]),
        "cpu_ms": 1000 * cpu / requests if requests else 0.0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cache-url", default="", help="DJANGO_CACHE_URL, e.g. redis://…")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--floor-seconds", type=int, default=10)
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk (.ci/benchmark does it)")

    folder = Path(tempfile.mkdtemp(prefix="integrationsplan-load-"))
    env = production_environment(folder, options.database_url, options.cache_url)
    cookie = prepare_site(env)
    port = 8000 + secrets.randbelow(1000)
    base = f"http://127.0.0.1:{port}"
    command = [str(BASE_DIR / ".venv/bin/gunicorn"), "integration_office.wsgi"]
    command += ["--workers", str(options.workers), "--bind", f"127.0.0.1:{port}"]
    command += ["--no-control-socket", "--timeout", "60"]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    try:
        wait_until_serving(base, cookie, server)
        for path in MIX * 10:  # both workers: templates compiled, caches filled
            status = get(base + path, cookie)
            if status != 200:
                raise RuntimeError(f"{path} answered {status}")
        results = {
            "mix": run_wrk(base, cookie, MIX, options.clients, options.seconds, server.pid),
            "floor": run_wrk(
                base, cookie, FLOOR, options.clients, options.floor_seconds, server.pid
            ),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)

    cache = options.cache_url or "default (memory of each worker, versions in the database)"
    print(
        f"\n== load: gunicorn {options.workers} sync workers, {options.clients} clients, "
        f"cache {cache}"
    )
    print(
        f"{'pages':<50} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'CPU ms/req':>10}"
    )
    labels = {
        "mix": f"{' + '.join(MIX)} ({options.seconds} s)",
        "floor": f"{FLOOR[0]} alone ({options.floor_seconds} s)",
    }
    for name, figures in results.items():
        print(
            f"{labels[name]:<50} {figures['per_second']:>7.1f} {figures['p50']:>7.1f} "
            f"{figures['p95']:>7.1f} {figures['p99']:>7.1f} {figures['errors']:>6} "
            f"{figures['cpu_ms']:>10.1f}"
        )
    return 1 if any(figures["errors"] for figures in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
