"""Proof that the site runs on more than one server.

Starts two app servers (gunicorn), one background worker and an S3 server (SeaweedFS) on
loopback, on PostgreSQL and Redis with production settings, and walks an owner and a
consultant across them: log in on one server, answer on the other, the PDF rendered by the
worker into the bucket and downloaded from either server; then stops one app server
mid-walk and shows the other carries on with nothing lost.

    .venv/bin/python scripts/multi_server_check.py

Needs PostgreSQL and Redis on 127.0.0.1 (as in CI); leaves nothing behind. Exit status 0
when every step held, 1 otherwise.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pypdf import PdfReader  # noqa: E402

from scripts.check_site import Browser, Form  # noqa: E402
from scripts.s3server import running_s3_server  # noqa: E402

DATABASE = "social_audit_multi_server"
PASSWORD = "demo-audit-2026"
PORTS = {"A": 8211, "B": 8212}
RECOMMENDATION = "Reply to every review within a day, on both servers."


class Walk:
    def __init__(self) -> None:
        self.steps = 0

    def check(self, condition: bool, what: str) -> None:
        self.steps += 1
        print(("ok   " if condition else "FAIL ") + what, flush=True)
        if not condition:
            raise SystemExit(1)


def on(browser: Browser, server: str) -> Browser:
    browser.base = f"http://127.0.0.1:{PORTS[server]}/"
    return browser


def submit_form(browser: Browser, path: str, extra: dict | None = None) -> tuple[int, str]:
    """Open the page, post its form as it stands (plus `extra`); the status and Location."""
    status, _, body, url = browser.get(path)
    form = Form()
    form.feed(body.decode("utf-8", "replace"))
    status, headers, _ = browser.request(url, {**form.fields, **(extra or {})})
    return status, headers.get("Location", "")


def post(browser: Browser, path: str, data: dict) -> tuple[int, str]:
    """Post with the CSRF token of the page it is posted from."""
    _, _, body, _ = browser.get(path)
    form = Form()
    form.feed(body.decode("utf-8", "replace"))
    token = {"csrfmiddlewaretoken": form.fields["csrfmiddlewaretoken"]}
    url = browser.base.rstrip("/") + data.pop("_to")
    status, headers, _ = browser.request(url, {**token, **data})
    return status, headers.get("Location", "")


def text(browser: Browser, path: str) -> str:
    status, _, body, _ = browser.get(path)
    return body.decode("utf-8", "replace") if status == 200 else f"<status {status}>"


def pdf_text(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def run(command: list[str], env: dict) -> None:
    subprocess.run(command, env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL)


def is_up(server: Browser) -> bool:
    try:
        return server.get("/health/")[0] == 200
    except OSError:  # not listening yet
        return False


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def main() -> int:
    python = sys.executable
    with running_s3_server() as s3, tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": "redis://127.0.0.1:6379/14",
            "DJANGO_STATIC_ROOT": f"{work}/static",
            **s3.env(),
        }
        psql = ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c"]
        fresh = [f"DROP DATABASE IF EXISTS {DATABASE}", "-c", f"CREATE DATABASE {DATABASE}"]
        run([*psql, *fresh], env)
        processes: dict[str, subprocess.Popen] = {}
        logs: dict = {}
        try:
            for step in (["migrate", "--noinput"], ["createcachetable"],
                         ["load_questionnaire"], ["collectstatic", "--noinput"]):  # fmt: skip
                run([python, "manage.py", *step], env)
            run([python, "manage.py", "seed_demo"], {**env, "DJANGO_DEBUG": "1"})
            for name, port in PORTS.items():
                logs[name] = open(f"{work}/{name}.log", "w")
                processes[name] = subprocess.Popen(
                    [python, "-m", "gunicorn", "auditsite.wsgi", "--workers", "2",
                     "--bind", f"127.0.0.1:{port}"],
                    env=env, cwd=REPO, stdout=logs[name], stderr=subprocess.STDOUT,
                )  # fmt: skip
            logs["worker"] = open(f"{work}/worker.log", "w")
            processes["worker"] = subprocess.Popen(
                [python, "manage.py", "worker", "--interval", "0.5"],
                env=env, cwd=REPO, stdout=logs["worker"], stderr=subprocess.STDOUT,
            )  # fmt: skip
            walk(s3, processes, work)
            return 0
        except SystemExit as stop:
            for name in logs:
                print(f"--- {name} log ---\n" + Path(f"{work}/{name}.log").read_text()[-3000:])
            return int(stop.code or 1)
        finally:
            for process in processes.values():
                process.send_signal(signal.SIGTERM)
            for process in processes.values():
                process.wait(timeout=30)
            run([*psql, f"DROP DATABASE IF EXISTS {DATABASE}"], env)


def walk(s3, processes: dict, work: str) -> None:
    walker = Walk()
    check = walker.check
    for name in PORTS:
        server = on(Browser("", behind_proxy=True), name)
        check(wait_for(lambda s=server: is_up(s)), f"server {name} is up")

    # The owner logs in on A and answers on B and A in turn.
    owner = on(Browser("", behind_proxy=True), "A")
    owner.log_in("/accounts/login/", {"user": "login"}, "owner@example.com", PASSWORD)
    check("My audits" in text(on(owner, "B"), "/audits/"), "owner: logged in on A, known on B")
    business = re.search(r"/businesses/(\d+)/", text(owner, "/audits/"))
    check(business is not None, "owner: B lists the business")
    start = f"{business.group(0)}audits/new/"  # continues the demo's draft, from its page
    _, to_profile = post(owner, business.group(0), {"_to": start})
    audit_id = int(re.search(r"/audits/(\d+)/", to_profile).group(1))
    status, location = submit_form(on(owner, "A"), to_profile)
    check(status == 302 and location.endswith("/questions/1/"), "owner: profile saved on A")
    for number in range(1, 10):
        server = "B" if number % 2 else "A"
        step = f"/audits/{audit_id}/questions/{number}/"
        status, location = submit_form(on(owner, server), step)
        check(status == 302, f"owner: question {number} answered on {server}")
    _, location = post(on(owner, "B"), f"/audits/{audit_id}/review/",
                       {"_to": f"/audits/{audit_id}/submit/"})  # fmt: skip
    check("Audit submitted. Thank you!" in text(owner, location), "owner: submitted on B")

    # The worker renders the PDF into the bucket; either server serves those bytes.
    prefix = f"reports/{audit_id}/"
    check(wait_for(lambda: any(k.startswith(prefix) for k in s3.keys())), "worker: PDF in S3")
    [key] = [k for k in s3.keys() if k.startswith(prefix)]
    stored = s3.client().get_object(Bucket=s3.bucket, Key=key)["Body"].read()
    for server in PORTS:
        _, headers, body, _ = on(owner, server).get(f"/audits/{audit_id}/report.pdf")
        check(body == stored and headers["Content-Type"] == "application/pdf",
              f"owner: the PDF from {server} is the worker's file")  # fmt: skip

    # The consultant logs in on B, reviews on A; then A stops mid-walk.
    consultant = on(Browser("", behind_proxy=True), "B")
    consultant.log_in("/accounts/login/", {"user": "login"}, "consultant@example.com", PASSWORD)
    review = f"/consultant/audits/{audit_id}/"
    page = text(on(consultant, "A"), review)
    check('name="text"' in page, "consultant: logged in on B, reviews on A")
    status, _ = post(consultant, review, {"_to": f"{review}recommendations/",
                                          "text": RECOMMENDATION})  # fmt: skip
    check(status == 302, "consultant: recommendation added on A")
    processes["A"].send_signal(signal.SIGTERM)
    processes["A"].wait(timeout=30)
    check(processes["A"].returncode is not None, "server A stopped")

    page = text(on(consultant, "B"), review)
    check(RECOMMENDATION in page, "consultant: B shows the recommendation made on A")
    status, _ = post(consultant, review, {"_to": f"{review}status/", "step": "finish"})
    check(status == 302, "consultant: review finished on B")
    check(RECOMMENDATION in text(on(owner, "B"), f"/audits/{audit_id}/results/"),
          "owner: B's results page carries the recommendation")  # fmt: skip

    def renewed() -> bool:
        return [k for k in s3.keys() if k.startswith(prefix)] not in ([key], [])

    check(wait_for(renewed), "worker: the PDF re-rendered with the review")
    _, _, body, _ = on(consultant, "B").get(f"/audits/{audit_id}/report.pdf")
    check(RECOMMENDATION in pdf_text(body), "consultant: B serves the new PDF with the review")
    # The owner downloads their data on B, then deletes the business: the worker empties
    # the bucket of its reports.
    _, headers, archive, _ = on(owner, "B").get("/your-data/export.zip")
    check(headers["Content-Type"] == "application/zip" and b".pdf" in archive,
          "owner: B gives all their data, reports included, as a ZIP")  # fmt: skip
    status, _ = post(owner, f"{business.group(0)}delete/", {"_to": f"{business.group(0)}delete/"})
    check(status == 302 and "<status 404>" == text(owner, business.group(0)),
          "owner: the business deleted on B")  # fmt: skip
    check(wait_for(lambda: not [k for k in s3.keys() if k.startswith(prefix)]),
          "worker: the deleted business's reports gone from S3")  # fmt: skip
    log = Path(f"{work}/worker.log").read_text()
    check("consultant@example.com" in log, "worker: the submit email delivered by the worker")
    check("owner@example.com" in log, "worker: the review-done email delivered by the worker")
    for name in ("A", "B", "worker"):
        check("Traceback" not in Path(f"{work}/{name}.log").read_text(), f"{name}: no error")
    print(f"OK: {walker.steps} steps held across two app servers, a worker and S3")


if __name__ == "__main__":
    sys.exit(main())
