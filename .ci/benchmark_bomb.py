"""Peak memory of a gunicorn worker while it refuses a 1 GB zip bomb (`make benchmark-bomb`).

Builds a .docx and an .xlsx of about 1 MB whose main XML part inflates to 1 GB, serves the
app with gunicorn (one sync worker) in production mode on a throwaway SQLite database, logs
in as a clerk and uploads the .docx as a committee document and the .xlsx as an actors
import. The worker's resident memory is sampled every 10 ms during each upload, and the
kernel's own peak (VmHWM) is read afterwards. Exits with 1 when a bomb is not refused or the
worker grows by more than the goal (100 MB above idle).
"""

import http.cookiejar
import io
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
UNPACKED_MB = 1024
GOAL_MB = 100
SAMPLE_SECONDS = 0.01
REFUSAL = "Die Datei ist entpackt größer als 100 MB und wird deshalb nicht angenommen."
USERNAME = "benchmark-sachbearbeitung"
PASSWORD = secrets.token_urlsafe(16)
DOCX_PARTS = {"[Content_Types].xml": "<Types/>"}
WORD_BODY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    (b"<w:p><w:r><w:t>", b"</w:t></w:r></w:p>"),
    b"</w:body></w:document>",
)
SHARED_STRINGS = (
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    (b"<si><t>", b"</t></si>"),
    b"</sst>",
)


def build_bomb(path, parts, member, xml):
    """A zip of `parts` plus `member`: XML with one element of 1 MB of text per megabyte.

    A reader would parse it (openpyxl reads a workbook's shared strings whole, 1 GB here), and
    the runs of one letter pack almost as tightly as zeros: about 1 MB.
    """
    head, (opening, closing), tail = xml
    megabyte = opening + b"a" * (1024 * 1024 - len(opening) - len(closing)) + closing
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
        with archive.open(member, "w") as output:
            output.write(head)
            for _megabyte in range(UNPACKED_MB):
                output.write(megabyte)
            output.write(tail)
    return path.read_bytes()


def workbook_parts():
    """The parts of a small valid workbook of actors that declares shared strings."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Name"])
    workbook.active.append(["Verein"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    return parts


def build_bombs(folder):
    return {
        "bombe.docx": build_bomb(folder / "bombe.docx", DOCX_PARTS, "word/document.xml", WORD_BODY),
        "bombe.xlsx": build_bomb(
            folder / "bombe.xlsx", workbook_parts(), "xl/sharedStrings.xml", SHARED_STRINGS
        ),
    }


def production_environment(folder):
    """Production mode on a scratch database; static files collected into `folder`."""
    (folder / "bench_settings.py").write_text(
        "from integration_office.settings import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(folder / 'static')!r}\n"
    )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(folder), str(BASE_DIR)]),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on the loopback: the cookies must not require HTTPS.
        "DJANGO_SECURE_COOKIES": "false",
    }


def prepare_site(env):
    """Migrate, collect static files, create the clerk and an agenda item; the item's id."""
    os.environ.update(env)
    sys.path.insert(0, env["PYTHONPATH"].split(os.pathsep)[0])
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone

    from committee.models import AgendaItem, Committee, LegislativeTerm, Meeting
    from core.roles import SACHBEARBEITUNG

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    user = get_user_model().objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SACHBEARBEITUNG))
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    term = LegislativeTerm.objects.create(name="Wahlperiode 2024–2029", start="2024-07-24")
    meeting = Meeting.objects.create(
        committee=committee, term=term, number=1, start=timezone.now(), location="Rathaus"
    )
    item = AgendaItem.objects.create(
        meeting=meeting, number="1", order=1, title="Vorlagen", kind="information"
    )
    connections.close_all()
    return item.pk


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_pid(master_pid, timeout=30):
    """The only child of the gunicorn master, once it has started."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = children.read_text().split()
        if pids:
            return int(pids[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def memory_kb(pid, field="VmRSS"):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} missing for process {pid}")


class PeakSampler(threading.Thread):
    """Samples a process's resident memory every 10 ms until stopped; keeps the highest."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.samples = pid, memory_kb(pid), 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, memory_kb(self.pid))
            self.samples += 1
            time.sleep(SAMPLE_SECONDS)

    def stop(self):
        self.done.set()
        self.join()


class Browser:
    """Cookies, CSRF tokens and multipart forms over urllib; returns (status, page text)."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path, body=None, content_type=None):
        request = urllib.request.Request(self.base_url + path, data=body)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with self.opener.open(request, timeout=300) as response:
                return response.status, response.read().decode(), response.url
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.url

    def csrf_token(self, path):
        _status, page, _url = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post(self, path, token, fields, files=()):
        """Post `fields` and `files` ({name: (filename, bytes)}) with the CSRF `token`."""
        body, content_type = multipart({"csrfmiddlewaretoken": token, **fields}, dict(files))
        return self.request(path, body, content_type)


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, content) in files.items():
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def wait_until_serving(browser, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped; see its output above")
        try:
            if browser.request("/accounts/login/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


def reset_high_water_mark(pid):
    """Let the kernel's VmHWM count from now on (Linux: "5" to clear_refs)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def measured_upload(browser, pid, form, fields, files, action=None):
    """Post to `action` (else `form`, the page with the form): the response, the sampled
    peak and the kernel's peak, which no short spike escapes."""
    token = browser.csrf_token(form)
    reset_high_water_mark(pid)
    sampler = PeakSampler(pid)
    sampler.start()
    started = time.perf_counter()
    status, page, _url = browser.post(action or form, token, fields, files)
    seconds = time.perf_counter() - started
    sampler.stop()
    return {
        "status": status,
        "refused": REFUSAL in page,
        "seconds": seconds,
        "sampled_kb": sampler.peak_kb,
        "samples": sampler.samples,
        "high_water_kb": memory_kb(pid, "VmHWM"),
    }


def run(folder):
    bombs = build_bombs(folder)
    env = production_environment(folder)
    item_pk = prepare_site(env)
    port = free_port()
    gunicorn = [
        str(BASE_DIR / ".venv/bin/gunicorn"),
        "integration_office.wsgi",
        "--workers",
        "1",
        "--no-control-socket",
    ]
    server = subprocess.Popen(
        [*gunicorn, "--bind", f"127.0.0.1:{port}", "--timeout", "300"], cwd=BASE_DIR, env=env
    )
    try:
        browser = Browser(f"http://127.0.0.1:{port}")
        wait_until_serving(browser, server)
        pid = worker_pid(server.pid)
        login = {"username": USERNAME, "password": PASSWORD, "next": "/"}
        token = browser.csrf_token("/accounts/login/")
        _status, _page, url = browser.post("/accounts/login/", token, login)
        if "/accounts/login/" in url:
            raise RuntimeError("the login was refused")
        document_form, import_form = f"/committee/items/{item_pk}/", "/network/import/actors/"
        for path in (document_form, import_form):  # warm-up: both forms rendered once
            browser.request(path)
        time.sleep(1)
        idle_kb = memory_kb(pid)
        results = {
            "committee document (.docx)": measured_upload(
                browser,
                pid,
                document_form,
                {"document-title": "Vorlage"},
                {"document-file": ("bombe.docx", bombs["bombe.docx"])},
                action=f"/committee/items/{item_pk}/documents/",
            ),
            "actors import (.xlsx)": measured_upload(
                browser, pid, import_form, {}, {"file": ("bombe.xlsx", bombs["bombe.xlsx"])}
            ),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(bombs, idle_kb, results)


def report(bombs, idle_kb, results):
    sizes = ", ".join(f"{name} {len(data) / 1024:.0f} KB" for name, data in bombs.items())
    print(f"Bombs: {sizes}; each unpacks to {UNPACKED_MB} MB.")
    print(f"Worker idle (after login and both forms): {idle_kb / 1024:.1f} MB resident")
    print(f"{'upload':<28} status refused seconds  sampled peak  VmHWM  above idle")
    failed = False
    for name, result in results.items():
        peak_kb = max(result["sampled_kb"], result["high_water_kb"])
        growth_mb = (peak_kb - idle_kb) / 1024
        failed |= not result["refused"] or growth_mb > GOAL_MB
        print(
            f"{name:<28} {result['status']:>6} {'yes' if result['refused'] else 'NO':>7} "
            f"{result['seconds']:>7.2f} {result['sampled_kb'] / 1024:>7.1f} MB "
            f"({result['samples']:>2}) {result['high_water_kb'] / 1024:>6.1f} {growth_mb:>7.1f} MB"
        )
    print(f"Goal: refused, and at most {GOAL_MB} MB above idle: {'missed' if failed else 'met'}.")
    return 1 if failed else 0


def main():
    folder = Path(tempfile.mkdtemp(prefix="bomb-benchmark-"))
    try:
        return run(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
