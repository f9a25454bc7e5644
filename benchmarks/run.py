"""`make benchmark`: the app measured against a bare Django page (benchmarks/baseline) under
the same gunicorn (2 sync workers, `wrk -t2 -c8`), production settings, PostgreSQL and
persistent connections for both, interleaved round by round so that both see the same
machine. Prints the throughput ratios, the queries per request, the PDF's first and cached
latencies, the step's p99 with and without PDFs rendering in the worker, and the consultant
dashboard and export at 1,000 and 100,000 audits.

    .venv/bin/python benchmarks/run.py [--seconds 5] [--rounds 3] [--p99-rounds 5] [--no-scale]
                                       [--no-cgroup]

Needs PostgreSQL on 127.0.0.1, Redis, and `wrk` (Debian package). Leaves nothing behind.
Run as root, it puts the worker in a CPU cgroup of idle weight, as systemd's `CPUWeight=idle`
does for the README's worker unit; otherwise (or with --no-cgroup) only in the idle class.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from scripts.check_site import Browser, Form  # noqa: E402

PYTHON = sys.executable
APP_PORT, BASE_PORT = 8311, 8312
GOALS = {"step GET": 0.45, "step POST": 0.35, "results GET": 0.35}


def run(command: list[str], env: dict, **kwargs) -> str:
    """What the command printed; stops the benchmark with its output when it fails."""
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, **kwargs)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def psql(*sql: str) -> None:
    for statement in sql:
        subprocess.run(
            ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", statement],
            check=True,
            capture_output=True,
        )


@contextmanager
def gunicorn(module: str, port: int, env: dict, log: Path):
    with open(log, "w") as out:
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", module, "--workers", "2", "--bind", f"127.0.0.1:{port}"],
            env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            for _ in range(100):
                try:
                    Browser(f"http://127.0.0.1:{port}/", False).get("/no-such-page/")
                    break
                except OSError:
                    time.sleep(0.2)
            yield process
        finally:
            process.terminate()
            process.wait()


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time used so far by these processes."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def workers_of(master: subprocess.Popen) -> list[int]:
    with open(f"/proc/{master.pid}/task/{master.pid}/children") as children:
        return [int(pid) for pid in children.read().split()]


def wrk(
    url: str, headers: dict, seconds: int, body: str | None = None, workers=(), pause=None
) -> dict:
    """Requests per second, latency percentiles and the app workers' CPU per request; fails
    on any 4xx/5xx answer. With `pause` (milliseconds, low and high), each of the 8
    connections waits a random time in that range between its requests, as people do."""
    cpu_before = cpu_seconds(list(workers))
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    lua = []
    if body is not None:
        lua += [f"wrk.method = \"POST\"\nwrk.body = {json.dumps(body)}",
                'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"']  # fmt: skip
    if pause:
        lua.append(f"function delay() return math.random({pause[0]}, {pause[1]}) end")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if lua:
            script.write("\n".join(lua) + "\n")
            script.flush()
            command += ["-s", script.name]
        output = subprocess.run([*command, url], check=True, capture_output=True, text=True)
    cpu = cpu_seconds(list(workers)) - cpu_before
    text = output.stdout
    if "Non-2xx or 3xx" in text:
        raise SystemExit(f"wrk got error answers from {url}:\n{text}")
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    return {
        "cpu_ms": 1000 * cpu / requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)),
    }


def _ms(value: str) -> float:
    found = re.match(r"([\d.]+)(\w+)", value)
    if not found:
        raise SystemExit(f"unreadable latency {value!r}")
    number, unit = found.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def session_headers(browser: Browser, port: int) -> dict:
    """Both servers are reached as if through the README's TLS proxy (gunicorn believes
    X-Forwarded-Proto from loopback), so both check a form's origin the same way."""
    cookies = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
    origin = f"https://127.0.0.1:{port}"
    return {"Cookie": cookies, "X-Forwarded-Proto": "https", "Referer": origin + "/",
            "Origin": origin}  # fmt: skip


def form_body(browser: Browser, path: str, choose: dict | None = None) -> str:
    """The page's form as posted, after checking the page is served (not a redirect)."""
    status, _, page, url = browser.get(path)
    if status != 200 or not url.endswith(path):
        raise SystemExit(f"{browser.base}{path} answered {status} at {url}, not the page")
    form = Form()
    form.feed(page.decode())
    return urllib.parse.urlencode({**form.fields, **(choose or {})})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="each wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--p99-rounds", type=int, default=5, help="p99 is noisier: more rounds")
    parser.add_argument("--no-scale", action="store_true", help="skip the 100,000-audit lists")
    parser.add_argument("--no-cgroup", action="store_true",
                        help="run the worker in the idle scheduling class only")  # fmt: skip
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (make benchmark installs it)")

    app_db, base_db = "social_audit_bench_app", "social_audit_bench_baseline"
    psql(*(f"DROP DATABASE IF EXISTS {db}" for db in (app_db, base_db)))
    psql(*(f"CREATE DATABASE {db}" for db in (app_db, base_db)))
    # As the README's production section recommends on SSD storage (for both databases).
    psql(*(f"ALTER DATABASE {db} SET random_page_cost = 1.1" for db in (app_db, base_db)))
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    common = {**os.environ, "DJANGO_DEBUG": "0", "DATABASE_CONN_MAX_AGE": "600",
              "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
              "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}  # fmt: skip
    app = {**common, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{app_db}",
           "REDIS_URL": "redis://127.0.0.1:6379/13", "DJANGO_STATIC_ROOT": str(work / "static"),
           "DJANGO_MEDIA_ROOT": str(work / "media")}  # fmt: skip
    base = {**common, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{base_db}",
            "DJANGO_SETTINGS_MODULE": "benchmarks.baseline.settings"}  # fmt: skip
    try:
        ids = prepare(app, base)
        report(args, app, base, ids, work)
    finally:
        psql(*(f"DROP DATABASE IF EXISTS {db}" for db in (app_db, base_db)))
        shutil.rmtree(work, ignore_errors=True)
    return 0


def prepare(app: dict, base: dict) -> dict:
    manage = [PYTHON, "manage.py"]
    for step in (["migrate", "--noinput"], ["createcachetable"], ["load_questionnaire"],
                 ["collectstatic", "--noinput"]):  # fmt: skip
        run([*manage, *step], app)
    run([*manage, "seed_demo"], {**app, "DJANGO_DEBUG": "1"})
    run([PYTHON, "-m", "django", "migrate", "--run-syncdb"], base)
    ids = shell_json([*manage, "shell"], "benchmarks/setup_app.py", app)
    return ids | shell_json([PYTHON, "-m", "django", "shell"], "benchmarks/setup_baseline.py", base)


def shell_json(shell: list[str], script: str, env: dict) -> dict:
    """Run a script in a Django shell; what it printed last, as JSON."""
    output = run([*shell, "-v", "0", "-c", f"exec(open({script!r}).read())"], env)
    return json.loads(output.strip().splitlines()[-1])


def report(args, app: dict, base: dict, ids: dict, work: Path) -> None:
    app_url, base_url = f"http://127.0.0.1:{APP_PORT}", f"http://127.0.0.1:{BASE_PORT}"
    step = f"/audits/{ids['draft']}/questions/2/"
    results = f"/audits/{ids['submitted']}/results/"
    with (
        gunicorn("auditsite.wsgi", APP_PORT, app, work / "app.log") as app_server,
        gunicorn("benchmarks.baseline.wsgi", BASE_PORT, base, work / "base.log") as base_server,
    ):
        app_workers, base_workers = workers_of(app_server), workers_of(base_server)
        owner = Browser(app_url + "/", True)
        owner.log_in("/accounts/login/", {"user": "login"}, "owner@example.com", "demo-audit-2026")
        bare = Browser(base_url + "/", True)
        bare.cookies["sessionid"] = ids["baseline_session"]
        step_post = form_body(owner, step)  # also sets the CSRF cookie
        base_post = form_body(bare, "/", {"text": "saved"})
        app_headers = session_headers(owner, APP_PORT)
        base_headers = session_headers(bare, BASE_PORT)

        cases = {
            "step GET": (app_url + step, None, base_url + "/", None),
            "step POST": (app_url + step, step_post, base_url + "/", base_post),
            "results GET": (app_url + results, None, base_url + "/", None),
        }
        figures: dict[str, dict[str, list[dict]]] = {c: {"app": [], "bare": []} for c in cases}
        for _ in range(args.rounds):
            for case, (app_at, app_body, base_at, base_body) in cases.items():
                figures[case]["app"].append(
                    wrk(app_at, app_headers, args.seconds, app_body, app_workers)
                )
                figures[case]["bare"].append(
                    wrk(base_at, base_headers, args.seconds, base_body, base_workers)
                )
        print_ratios(figures, args.rounds)

        step_p99_while_rendering(app_url + step, app_headers, args, app, work)
    print("\nQueries per request (goals: step GET 4, step POST 8, results 5, cached PDF 5)")
    script = "exec(open('benchmarks/query_counts.py').read())"
    print(run([PYTHON, "manage.py", "shell", "-v", "0", "-c", script], app), end="")
    print("\nPDF (manage.py benchmark_pdf)")
    print(run([PYTHON, "manage.py", "benchmark_pdf", "--memory-renders", "50"], app), end="")
    if not args.no_scale:
        print("\nConsultant lists (manage.py benchmark_dashboard)")
        print(run([PYTHON, "manage.py", "benchmark_dashboard"], app), end="")
        print("\nPeer comparison (manage.py benchmark_peers; goals 1.2x and 150 ms)")
        print(run([PYTHON, "manage.py", "benchmark_peers"], app), end="")


def print_ratios(figures: dict, rounds: int) -> None:
    print(f"Median of {rounds} interleaved rounds: throughput, and the workers' CPU per request")
    print(f"  {'':12} {'app req/s':>9} {'bare req/s':>10} {'ratio':>6} {'goal':>5}"
          f" {'app CPU':>9} {'bare CPU':>9}")  # fmt: skip
    for case, runs in figures.items():
        app, bare = (
            {key: statistics.median(run[key] for run in runs[side]) for key in ("rps", "cpu_ms")}
            for side in ("app", "bare")
        )
        ratio = app["rps"] / bare["rps"]
        verdict = "ok" if ratio >= GOALS[case] else "BELOW"
        print(f"  {case:12} {app['rps']:9.0f} {bare['rps']:10.0f} {ratio:6.2f} {GOALS[case]:>5}"
              f" {app['cpu_ms']:6.1f} ms {bare['cpu_ms']:6.1f} ms {verdict}")  # fmt: skip


def step_p99_while_rendering(url: str, headers: dict, args, app: dict, work: Path) -> None:
    """The step's p99 with and without the worker rendering PDFs back to back: flat out
    (8 connections, no pause) and at about half the servers' capacity (8 people pausing
    15-45 ms between requests). Flat out, the same run with an idle-priority busy loop in
    the worker's place shows what any background CPU use costs on this machine."""
    group = None if args.no_cgroup else idle_cgroup()
    print("\nStep GET p99 while the worker renders PDFs back to back, the worker "
          + ("in an idle-weight cgroup (systemd's CPUWeight=idle) and " if group else "")
          + "in the idle scheduling class (chrt --idle 0)")  # fmt: skip
    seconds = args.seconds * 2
    try:
        for load, pause in {"flat out": None, "half load": (15, 45)}.items():
            background = {"none": _nothing, "renders": rendering_pdfs}
            if pause is None:
                background["a busy loop"] = busy_loop
            runs: dict[str, list[dict]] = {name: [] for name in background}
            for _ in range(args.p99_rounds):
                for name, start in background.items():
                    with start(app, work, group) as rendered:
                        measured = wrk(url, headers, seconds, pause=pause)
                        runs[name].append({**measured, "rendered": rendered()})
            print_p99(load, runs, seconds)
    finally:
        if group:
            group.rmdir()


def print_p99(load: str, runs: dict[str, list[dict]], seconds: int) -> None:
    def median(name: str, key: str) -> float:
        return statistics.median(measured[key] for measured in runs[name])

    quiet = median("none", "p99")
    print(f"  {load}: p99 {quiet:.1f} ms without renders at {median('none', 'rps'):.0f} req/s"
          f" (medians of {len(runs['none'])} rounds of {seconds} s)")  # fmt: skip
    for name in list(runs)[1:]:
        goal = " (goal <= 1.3x)" if name == "renders" else ""
        print(f"    with {name}: {median(name, 'p99'):.1f} ms, {median(name, 'p99') / quiet:.2f}x"
              f"{goal}, {median(name, 'rps'):.0f} req/s")  # fmt: skip
    rendered = [measured["rendered"] for measured in runs["renders"]]
    print(f"    PDFs rendered in each run: {rendered}")


def idle_cgroup() -> Path | None:
    """A CPU cgroup of idle weight, as systemd's CPUWeight=idle makes for the worker's unit;
    None where this process may not make one (not root, no cgroup CPU controller)."""
    for hierarchy in (Path("/sys/fs/cgroup/cpu"), Path("/sys/fs/cgroup")):
        group = hierarchy / "social-audit-benchmark-background"
        try:
            group.mkdir(exist_ok=True)
        except OSError:
            continue
        try:
            (group / "cpu.idle").write_text("1")
            return group
        except OSError:
            group.rmdir()
    return None


def background_process(command: list[str], env: dict, group: Path | None, **kwargs):
    """A process in the idle scheduling class, and in `group` when there is one."""

    def join_group() -> None:
        if group:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    return subprocess.Popen(["chrt", "--idle", "0", *command], env=env, cwd=REPO,
                            preexec_fn=join_group, **kwargs)  # fmt: skip


@contextmanager
def _nothing(app: dict, work: Path, group: Path | None):
    yield lambda: 0


@contextmanager
def busy_loop(app: dict, work: Path, group: Path | None):
    loop = background_process([PYTHON, "-c", "while True: pass"], app, group)
    try:
        yield lambda: 0
    finally:
        loop.terminate()
        loop.wait()


@contextmanager
def rendering_pdfs(app: dict, work: Path, group: Path | None):
    """A worker rendering PDFs back to back (each audit's file removed and re-queued);
    yields a function that counts the PDFs it rendered."""
    log_file = work / "worker.log"
    # The feeder stands in for owners submitting; it runs beside the worker, so its polling
    # is background work too.
    feeder = background_process(
        [PYTHON, "manage.py", "shell", "-c", "exec(open('benchmarks/queue_renders.py').read())"],
        app, group, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    with open(log_file, "w") as log:
        worker = background_process([PYTHON, "manage.py", "worker", "--interval", "0.2"],
                                    app, group, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    time.sleep(2)  # both running before the measurement starts
    rendered = log_file.read_text().count("render_report state=SUCCESSFUL")
    try:
        yield lambda: log_file.read_text().count("render_report state=SUCCESSFUL") - rendered
    finally:
        for process in (feeder, worker):
            process.terminate()
            process.wait()


if __name__ == "__main__":
    sys.exit(main())
