#!/usr/bin/env python3
"""plantrack benchmark harness (stdlib only). Run through `make bench` or `bench/run`.

Builds plantrack in release, generates (or reuses) a national-scale and a small workspace,
times every plantrack command that exists against floors (git, libyaml) and peers
(Python pipelines in bench/peers, check-jsonschema), checks that the peers agree with
plantrack, prints a table and writes bench/results/<timestamp>.json.

Environment (all optional):
  BENCH_QUICK=1             only the small workspace, one run each (checks the harness: targets
                            are shown, not enforced; disagreements and errors still fail)
  BENCH_SEED=1              generator seed
  BENCH_ENTITIES=311        regions and municipalities of the large workspace
  BENCH_YEARS=3             plan years of the large workspace
  BENCH_COMMITS=3000        commits per year of the large workspace
  BENCH_FIRST_YEAR=2024     first plan year
  BENCH_RUNS=3              runs of plantrack commands and floors (best is kept)
  BENCH_PEER_RUNS=1         runs of the slow Python peers (2 in quick mode)
  BENCH_ONLY=REGEX          only benchmarks whose name matches (floors/peers they need too);
                            BENCH_ONLY=indicators runs only `indicators fetch` (no generated workspaces)
  BENCH_SKIP_BUILD=1        use the release binaries already in .build/release
  BENCH_BIN_DIR=DIR         use plantrack and plantrack-generate from DIR (no build)
  BENCH_BASELINE=REV        also build plantrack of commit REV (`make bench BASELINE=REV`) and
                            time it on the same workspaces in the same run, right after each
                            plantrack command; a before/after table gives each time's ratio
  BENCH_BASELINE_BIN_DIR=DIR  the baseline's plantrack from DIR instead (no build)
  BENCH_SKIP_CHECK_JSONSCHEMA=1  leave out check-jsonschema (the slowest peer)
  BENCH_CHECK_JSONSCHEMA_NATIONAL=1  run check-jsonschema on the national workspace too (~8 min)
  BENCH_REFERENCE=1         also write bench/results/reference.json
  BENCH_CACHE_PATHS=...     colon-separated paths inside the workspace removed before a
                            "cold" run (default: .git/plantrack:.plantrack:.git/plantrack-cache)
  BENCH_TIMEOUT=900         seconds before one run is killed
  BENCH_SLOW_SECONDS=20     a run longer than this is not repeated
"""

import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
WORK = os.path.join(BENCH, "work")
RESULTS = os.path.join(BENCH, "results")
VENV = os.path.join(BENCH, ".venv")
PY = os.path.join(VENV, "bin", "python")
BIN_DIR = os.environ.get("BENCH_BIN_DIR") or os.path.join(ROOT, ".build", "release")
PLANTRACK = os.path.join(BIN_DIR, "plantrack")
GENERATE = os.path.join(BIN_DIR, "plantrack-generate")
BASELINE = os.environ.get("BENCH_BASELINE", "").strip() or None
BASELINE_BIN_DIR = os.environ.get("BENCH_BASELINE_BIN_DIR", "").strip() or None
BASELINE_PLANTRACK = None  # set by build_baseline() when a baseline is asked for
STATUSES = ("planned", "in-progress", "done", "delayed", "cancelled")
MB = 1024 * 1024


def env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")
RUNS = 1 if QUICK else env_int("BENCH_RUNS", 3)
PEER_RUNS = env_int("BENCH_PEER_RUNS", 2 if QUICK else 1)
TIMEOUT = env_int("BENCH_TIMEOUT", 900)
SLOW = env_int("BENCH_SLOW_SECONDS", 20)
ONLY = re.compile(os.environ["BENCH_ONLY"]) if os.environ.get("BENCH_ONLY") else None
CACHE_PATHS = os.environ.get("BENCH_CACHE_PATHS", ".git/plantrack:.plantrack:.git/plantrack-cache").split(":")


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sh(args, **kwargs):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kwargs).stdout


# --------------------------------------------------------------------------- measuring


class Run:
    def __init__(self, seconds, rss_kb, status, out_path):
        self.seconds, self.rss_kb, self.status, self.out_path = seconds, rss_kb, status, out_path


def run_once(argv, cwd, out_path):
    """Runs argv, stdout to out_path; wall time and peak RSS of the process tree (wait4)."""
    with open(out_path, "wb") as out, open(out_path + ".err", "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timer = threading.Timer(TIMEOUT, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss, process.returncode, out_path)


class Measure:
    """Best of `runs` runs of one command."""

    def __init__(self, name, argv, cwd, runs, ok_status=(0,), before_each=None, warmup=0):
        self.name, self.argv, self.cwd, self.runs = name, argv, cwd, runs
        self.ok_status, self.before_each, self.warmup = ok_status, before_each, warmup
        self.best = None
        self.all = []
        self.error = None

    def go(self, out_dir):
        slug = re.sub(r"[^A-Za-z0-9]+", "_", self.name).strip("_")
        out_path = os.path.join(out_dir, slug + ".out")
        for _ in range(self.warmup):
            run_once(self.argv, self.cwd, out_path)
        for _ in range(self.runs):
            if self.before_each:
                self.before_each()
            run = run_once(self.argv, self.cwd, out_path)
            self.all.append(run)
            if run.status not in self.ok_status:
                with open(out_path + ".err", "rb") as f:
                    tail = f.read()[-600:].decode("utf-8", "replace").strip()
                self.error = f"exit {run.status}: {tail}"
                break
            if run.seconds > SLOW:
                break  # a slow command: one run says enough, and keeps `make bench` short
        ok = [r for r in self.all if r.status in self.ok_status]
        if ok:
            self.best = min(ok, key=lambda r: r.seconds)
            self.best.rss_kb = max(r.rss_kb for r in ok)
        log(f"{self.name}: " + (f"{self.best.seconds:.3f} s, {self.best.rss_kb / 1024:.0f} MB" if self.best else self.error))
        return self

    def output(self):
        if not self.best:
            return None
        with open(self.best.out_path, "rb") as f:
            return f.read()

    def json(self):
        try:
            return json.loads(self.output())
        except (TypeError, ValueError):
            return None

    def record(self):
        return {
            "name": self.name,
            "command": " ".join(self.argv),
            "runs": len(self.all),
            "seconds": round(self.best.seconds, 4) if self.best else None,
            "all_seconds": [round(r.seconds, 4) for r in self.all],
            "peak_rss_mb": round(self.best.rss_kb / 1024, 1) if self.best else None,
            "error": self.error,
        }


# --------------------------------------------------------------------------- preparing


def build():
    global PLANTRACK, GENERATE
    if not (os.environ.get("BENCH_SKIP_BUILD") or os.environ.get("BENCH_BIN_DIR")):
        log("swift build -c release")
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, stdout=sys.stderr)
    # Others rebuild .build/release while the bench runs: measure a copy taken now.
    copies = os.path.join(WORK, "bin")
    os.makedirs(copies, exist_ok=True)
    for name in ("plantrack", "plantrack-generate"):
        shutil.copy2(os.path.join(BIN_DIR, name), os.path.join(copies, name))
    PLANTRACK, GENERATE = os.path.join(copies, "plantrack"), os.path.join(copies, "plantrack-generate")


def build_baseline():
    """plantrack of commit BENCH_BASELINE, built in release in a git worktree under
    .build-compare/ (shared with scripts/compare-outputs, kept for the next run) and copied
    to bench/work/bin-baseline/; or taken from BENCH_BASELINE_BIN_DIR."""
    global BASELINE_PLANTRACK
    if not (BASELINE or BASELINE_BIN_DIR):
        return None
    folder = BASELINE_BIN_DIR
    label = BASELINE or folder
    if not folder:
        sha = sh(["git", "-C", ROOT, "rev-parse", "--verify", BASELINE + "^{commit}"]).strip()
        label = f"{BASELINE} ({sha[:12]})" if not sha.startswith(BASELINE) else sha[:12]
        tree = os.path.join(ROOT, ".build-compare", "src-" + sha[:12])
        if not os.path.isdir(tree):
            log(f"git worktree add {os.path.relpath(tree, ROOT)} {sha[:12]}")
            sh(["git", "-C", ROOT, "worktree", "add", "--detach", tree, sha])
        log(f"swift build -c release (baseline {label})")
        subprocess.run(["swift", "build", "-c", "release", "--product", "plantrack"], cwd=tree, check=True,
                       stdout=sys.stderr)
        folder = os.path.join(tree, ".build", "release")
    copies = os.path.join(WORK, "bin-baseline")
    os.makedirs(copies, exist_ok=True)
    shutil.copy2(os.path.join(folder, "plantrack"), os.path.join(copies, "plantrack"))
    BASELINE_PLANTRACK = os.path.join(copies, "plantrack")
    return label


def venv():
    stamp = os.path.join(VENV, ".bench-requirements")
    wanted = open(os.path.join(BENCH, "requirements.txt")).read()
    if os.path.exists(stamp) and open(stamp).read() == wanted:
        return
    log("installing the peers into bench/.venv")
    if not os.path.exists(PY):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([PY, "-m", "pip", "install", "-q", "-r", os.path.join(BENCH, "requirements.txt")], check=True)
    open(stamp, "w").write(wanted)


def yaml_floor():
    binary = os.path.join(WORK, "bin", "yaml_events")
    source = os.path.join(BENCH, "floors", "yaml_events.c")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        subprocess.run(["gcc", "-O2", "-o", binary, source, "-lyaml"], check=True)
    return binary


class Workspace:
    def __init__(self, label, seed, entities, years, commits, first_year):
        self.label = label
        self.seed, self.entities, self.years, self.commits, self.first_year = seed, entities, years, commits, first_year
        key = f"{seed}-{entities}-{years}-{commits}" + ("" if first_year == 2024 else f"-{first_year}")
        self.key = key
        self.path = os.path.join(WORK, "ws-" + key)
        self.front_matters = os.path.join(WORK, "fm-" + key)
        self.out = os.path.join(WORK, "out-" + key)

    def parameters(self):
        return {"seed": self.seed, "entities": self.entities, "years": self.years,
                "commits_per_year": self.commits, "first_year": self.first_year}

    def ensure(self):
        done = self.path + ".done"
        if not os.path.exists(done):
            log(f"generating {self.path}")
            subprocess.run([GENERATE, "--out", self.path, "--seed", str(self.seed), "--entities", str(self.entities),
                            "--years", str(self.years), "--first-year", str(self.first_year),
                            "--commits-per-year", str(self.commits), "--force"], check=True, stdout=sys.stderr)
            shutil.rmtree(self.front_matters, ignore_errors=True)
            open(done, "w").write("ok\n")
        dirty = sh(["git", "-C", self.path, "status", "--porcelain", "--", "Plans"]).strip()
        if dirty:
            raise SystemExit(f"bench: {self.path} has changes in Plans/; remove it to regenerate:\n{dirty[:400]}")
        self.commit_count = int(sh(["git", "-C", self.path, "rev-list", "--count", "HEAD"]))
        self.diff_depth = min(3000, self.commit_count - 1)
        self.head = sh(["git", "-C", self.path, "rev-parse", "HEAD"]).strip()
        os.makedirs(self.out, exist_ok=True)
        self.extract()

    def extract(self):
        """The front matters as YAML files for check-jsonschema: fm-KEY/<kind>/<n>.yaml."""
        done = os.path.join(self.front_matters, ".done")
        if os.path.exists(done):
            return
        sys.path.insert(0, os.path.join(BENCH, "peers"))
        shutil.rmtree(self.front_matters, ignore_errors=True)
        counter = 0
        fence = re.compile(rb"^---[ \t]*\r?$", re.M)
        for folder, dirs, names in os.walk(os.path.join(self.path, "Plans")):
            for name in names:
                full = os.path.join(folder, name)
                rel = os.path.relpath(full, self.path)
                kind = schema_of(rel)
                if kind is None:
                    continue
                data = open(full, "rb").read()
                if kind != "workspace":
                    first = fence.match(data)
                    second = fence.search(data, data.find(b"\n") + 1) if first else None
                    if not second:
                        continue
                    data = data[data.find(b"\n") + 1:second.start()]
                target = os.path.join(self.front_matters, kind)
                os.makedirs(target, exist_ok=True)
                counter += 1
                open(os.path.join(target, f"{counter}.yaml"), "wb").write(data)
        open(done, "w").write(f"{counter}\n")


class SyncBench:
    """A remote holding the workspace and one commit a coordinator lacks, and two clones of it
    (one for plantrack, one for git) each with one local commit changing another document:
    every run integrates one incoming commit, pushes one commit, and is reset to that state
    before the next."""

    def __init__(self, w):
        self.folder = os.path.join(WORK, "sync-" + w.key)
        self.remote = os.path.join(self.folder, "remote.git")
        self.clones = {tool: os.path.join(self.folder, tool) for tool in ("plantrack", "git")}
        self.base = w.head
        done = os.path.join(self.folder, ".done")
        if not os.path.exists(done) or open(done).read().strip() != self.base:
            shutil.rmtree(self.folder, ignore_errors=True)
            os.makedirs(self.folder)
            log(f"preparing {self.folder}")
            sh(["git", "clone", "-q", "--bare", w.path, self.remote])
            for clone in self.clones.values():
                sh(["git", "clone", "-q", self.remote, clone])
                sh(["git", "-C", clone, "config", "user.name", "Bench Samordnare"])
                sh(["git", "-C", clone, "config", "user.email", "bench@example.se"])
            first = self.clones["plantrack"]
            activities = [p for p in sh(["git", "-C", first, "ls-tree", "-r", "--name-only", "HEAD", "--", "Plans"]).split("\n")
                          if "/activities/" in p]
            self.other = self.commit(first, activities[0], "Inkommande ändring från ett annat län")
            sh(["git", "-C", first, "reset", "-q", "--hard", self.base])
            self.local = self.commit(first, activities[-1], "Lokal ändring")
            sh(["git", "-C", first, "push", "-q", "origin", f"{self.other}:refs/bench/other", f"{self.local}:refs/bench/local"])
            sh(["git", "-C", self.clones["git"], "fetch", "-q", "origin", "refs/bench/*:refs/bench/*"])
            open(done, "w").write(self.base + "\n")
        self.other = sh(["git", "-C", self.remote, "rev-parse", "refs/bench/other"]).strip()
        self.local = sh(["git", "-C", self.remote, "rev-parse", "refs/bench/local"]).strip()

    @staticmethod
    def commit(clone, path, message):
        """Adds a line to the body of `path` and commits it; returns the commit's id."""
        with open(os.path.join(clone, path), "a", encoding="utf-8") as f:
            f.write("\n" + message + " (bench).\n")
        sh(["git", "-C", clone, "commit", "-q", "-am", message])
        return sh(["git", "-C", clone, "rev-parse", "HEAD"]).strip()

    def reset(self, tool):
        """Before each run: the remote one commit ahead, the clone one commit ahead of the base."""
        clone = self.clones[tool]

        def reset():
            sh(["git", "-C", self.remote, "update-ref", "refs/heads/main", self.other])
            sh(["git", "-C", clone, "update-ref", "refs/remotes/origin/main", self.base])
            sh(["git", "-C", clone, "reset", "-q", "--hard", self.local])
        return reset


class ReviewBench:
    """A clone of the workspace in which `plantrack review --all` stamped every link (one
    commit), followed by one commit that changes the text of 50 short-term goals of the last
    plan year (the body counts for a goal's meaning): `review` then has 50 changed goals to
    explain, and `validate` as many goals' links to report."""

    GOALS = 50

    def __init__(self, w):
        self.path = os.path.join(WORK, "review-" + w.key)
        done = self.path + ".done"
        if not os.path.exists(done) or open(done).read().strip() != w.head:
            shutil.rmtree(self.path, ignore_errors=True)
            log(f"preparing {self.path}")
            sh(["git", "clone", "-q", w.path, self.path])
            sh(["git", "-C", self.path, "config", "user.name", "Bench Samordnare"])
            sh(["git", "-C", self.path, "config", "user.email", "bench@example.se"])
            subprocess.run([PLANTRACK, "review", "--all", "--workspace", self.path], check=True,
                           stdout=subprocess.DEVNULL)
            year = w.first_year + w.years - 1
            goals = [p for p in sh(["git", "-C", self.path, "ls-tree", "-r", "--name-only", "HEAD", "--", "Plans"]).split("\n")
                     if f"/{year}/goals/" in p]
            changed = []
            for path in goals:
                full = os.path.join(self.path, path)
                text = open(full, encoding="utf-8").read()
                if "term: short" not in text:
                    continue
                with open(full, "a", encoding="utf-8") as f:
                    f.write("\nMålet är omformulerat av styrgruppen (bench).\n")
                changed.append(path)
                if len(changed) == self.GOALS:
                    break
            sh(["git", "-C", self.path, "commit", "-q", "-am", f"Styrgruppen omformulerar {len(changed)} mål"])
            open(done, "w").write(w.head + "\n")


def month_end_blobs(w):
    """Writes the ids of every blob under Plans/ at the month ends `trend --every month`
    samples (the last first-parent commit on or before each month end, in the committer's
    own time zone, up to today) to a file in the workspace's output folder; returns its path.
    These are the document versions a cold trend has to read, and no fewer."""
    path = os.path.join(w.out, "month-end-blobs.txt")
    stamp = os.path.join(w.out, "month-end-blobs.head")
    today = datetime.date.today().isoformat()
    key = f"{w.head} {today}"
    if os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == key:
        return path
    log = subprocess.run(["git", "log", "--first-parent", "--reverse", "--format=%H %cd", "--date=format:%Y-%m-%d"],
                         cwd=w.path, capture_output=True, text=True, check=True).stdout.split("\n")
    last_of_month = {}
    for line in log:
        if not line:
            continue
        commit, day = line.split()
        month_end = (datetime.date.fromisoformat(day[:7] + "-01") + datetime.timedelta(days=32)).replace(day=1) \
            - datetime.timedelta(days=1)
        if month_end.isoformat() <= today:
            last_of_month[day[:7]] = commit  # later commits overwrite earlier ones
    blobs = set()
    for commit in last_of_month.values():
        listing = subprocess.run(["git", "ls-tree", "-r", commit, "Plans"], cwd=w.path, capture_output=True,
                                 text=True, check=True).stdout
        for entry in listing.splitlines():
            _, kind, oid = entry.split("\t", 1)[0].split()
            if kind == "blob":
                blobs.add(oid)
    os.makedirs(w.out, exist_ok=True)
    open(path, "w").write("".join(oid + "\n" for oid in sorted(blobs)))
    open(stamp, "w").write(key)
    return path


def schema_of(path):
    parts = path.split("/")
    n = len(parts)
    if parts[0] != "Plans":
        return None
    if n == 2 and parts[1] == "workspace.yaml":
        return "workspace"
    if n == 3 and parts[2] == "county.md":
        return "county"
    if n == 4 and parts[3] == "plan.md":
        return "plan"
    if n == 5 and parts[4].endswith(".md") and parts[3] in ("goals", "activities"):
        return "goal" if parts[3] == "goals" else "activity"
    return None


# --------------------------------------------------------------------------- plantrack


class Commands:
    """Which plantrack subcommands exist, and which options they take (from --help)."""

    def __init__(self):
        self.help = {}

    def available(self, command, *options):
        if command not in self.help:
            result = subprocess.run([PLANTRACK, command, "--help"], capture_output=True, text=True)
            text = result.stdout + result.stderr
            ok = result.returncode == 0 and re.search(rf"USAGE: plantrack {re.escape(command)}\b", text)
            self.help[command] = text if ok else None
        text = self.help[command]
        return text is not None and all(option in text for option in options)


def clear_caches(workspace):
    def clear():
        for relative in CACHE_PATHS:
            path = os.path.join(workspace.path, relative)
            if os.path.isdir(path):
                shutil.rmtree(path)
            elif os.path.exists(path):
                os.remove(path)
    return clear


def find_status_counts(value):
    """The dict of activity status counts with the largest total anywhere in a JSON value."""
    best = None
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item and set(item) <= set(STATUSES) and all(isinstance(v, int) for v in item.values()):
                if best is None or sum(item.values()) > sum(best.values()):
                    best = item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return {k: v for k, v in best.items() if v} if best is not None else None


def find_monthly(value):
    """{YYYY-MM: status counts} from a trend JSON, whatever its shape; None when not found."""
    months = {}
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            label = next((v for v in item.values() if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", v)), None)
            counts = find_status_counts({k: v for k, v in item.items() if isinstance(v, (dict, int)) and k != "month"})
            if label and counts is not None:
                months[label[:7]] = counts
            else:
                stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return months or None


def totals_by_year(value):
    """{year: status counts} of a rollup JSON with a total per plan year (`totals`); None without."""
    totals = value.get("totals") if isinstance(value, dict) else None
    if not isinstance(totals, list):
        return None
    return {str(t.get("year")): {k: v for k, v in (t.get("activities") or {}).items() if v} for t in totals}


def monthly_by_year(value):
    """{YYYY-MM: {year, statuses}} from a trend JSON whose points name their plan year; None without."""
    points = value.get("points") if isinstance(value, dict) else None
    if not isinstance(points, list) or not points or "year" not in points[0]:
        return None
    return {p["date"][:7]: {"year": None if p["year"] is None else str(p["year"]),
                            "statuses": {k: v for k, v in (p.get("activities") or {}).items() if v}}
            for p in points if p.get("commit")}


def peer_monthly_by_year(value):
    """The peer's months as plantrack's points read them: the current plan year of each month
    (the latest with a plan.md not after the month's year, else the earliest) and its counts."""
    months = {}
    for m in value.get("months", []):
        years = m.get("plan_years") or []
        current = max((y for y in years if y <= m["month"][:4]), default=min(years, default=None))
        months[m["month"]] = {"year": current, "statuses": (m.get("statuses_by_year") or {}).get(current, {})}
    return months


# --------------------------------------------------------------------------- the benchmark


def main():
    started = datetime.datetime.now(datetime.timezone.utc)
    seed = env_int("BENCH_SEED", 1)
    first_year = env_int("BENCH_FIRST_YEAR", 2024)
    small = Workspace("small", seed, 21, 2, 300, first_year)
    large = Workspace("national", seed, env_int("BENCH_ENTITIES", 311), env_int("BENCH_YEARS", 3),
                      env_int("BENCH_COMMITS", 3000), first_year)
    build()
    baseline = build_baseline()
    venv()
    yaml_events = yaml_floor()
    workspaces = [small] if QUICK else [small, large]
    if ONLY is not None and ONLY.pattern.startswith("indicators"):
        workspaces = []  # the fetch benchmark writes a workspace of its own
    for w in workspaces:
        w.ensure()
    commands = Commands()
    report = {"started": started.isoformat(timespec="seconds"), "quick": QUICK, "runs": RUNS,
              "peer_runs": PEER_RUNS, "machine": machine(), "workspaces": [], "checks": [],
              "agreement": [], "available": {}}
    if baseline:
        report["baseline"] = {"revision": baseline, "comparisons": []}
    exit_code = 0
    for w in workspaces:
        # The small workspace only checks that everything runs and agrees, in quick and full mode.
        runs = RUNS if (w is large or QUICK) else 1
        peer_runs = PEER_RUNS
        section = bench_workspace(w, commands, runs, peer_runs, yaml_events, report)
        report["workspaces"].append(section)
    kolada = bench_kolada(commands, report)
    if kolada:
        report["workspaces"].append(kolada)
    failed = [c for c in report["checks"] if c["result"] == "FAIL"]
    disagree = [a for a in report["agreement"] if a["result"] == "DISAGREE"]
    errors = [m for s in report["workspaces"] for m in s["measurements"] if m["error"]]
    print_report(report)
    report["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    os.makedirs(RESULTS, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    path = os.path.join(RESULTS, f"{stamp}.json")
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    open(path, "w").write(text)
    print(f"\nresults: {os.path.relpath(path, ROOT)}")
    if os.environ.get("BENCH_REFERENCE") not in (None, "", "0"):
        open(os.path.join(RESULTS, "reference.json"), "w").write(text)
        print("reference: bench/results/reference.json")
    if failed or disagree or errors:
        print(f"bench: {len(failed)} target(s) failed, {len(disagree)} disagreement(s), {len(errors)} error(s)")
        exit_code = 1
    return exit_code


def bench_workspace(w, commands, runs, peer_runs, yaml_events, report):
    log(f"workspace {w.label}: {w.path} ({w.commit_count} commits)")
    ws = ["--workspace", w.path]
    depth = w.diff_depth
    as_of = f"{w.first_year + w.years - 1}-12-31"
    measured = {}
    section = {"label": w.label, "path": os.path.relpath(w.path, ROOT), "parameters": w.parameters(),
               "commits": w.commit_count, "head": w.head, "measurements": []}

    def wanted(name):
        return ONLY is None or ONLY.search(name)

    def measure(name, argv, cwd=None, runs=runs, **kw):
        m = Measure(name, argv, cwd or w.path, runs, **kw).go(w.out)
        measured[name] = m
        section["measurements"].append(dict(m.record(), workspace=w.label))
        return m

    def plantrack(name, command, args, *options, **kw):
        present = commands.available(command, *options)
        report["available"][name] = present
        if not present:
            log(f"{name}: not available")
            return None
        if not wanted(name):
            return None
        m = measure(name, [PLANTRACK, command, *args, *ws], ok_status=(0, 1), **kw)
        if BASELINE_PLANTRACK:
            # Right after, on the same workspace, so both see the same load.
            b = measure(f"baseline: {name}", [BASELINE_PLANTRACK, command, *args, *ws], ok_status=(0, 1), **kw)
            report["baseline"]["comparisons"].append({
                "workspace": w.label, "command": name,
                "seconds": m.best.seconds if m.best else None, "baseline_seconds": b.best.seconds if b.best else None,
                "ratio": m.best.seconds / b.best.seconds if m.best and b.best else None})
        return m

    def has(command, option):
        return commands.available(command, option)

    # -- floors ------------------------------------------------------------------
    floors = {
        "git cat-file --batch (Plans at HEAD)": (["/bin/sh", "-c",
            "git ls-tree -r HEAD Plans | awk '{print $3}' | git cat-file --batch > /dev/null"], r"list --rev|validate --rev|rollup"),
        "git log --raw --no-renames": (["git", "log", "--raw", "--no-renames"], r"trend"),
        f"git diff HEAD~{depth} HEAD": (["git", "diff", f"HEAD~{depth}", "HEAD"], r"diff"),
        "libyaml events (front matters, working tree)": ([yaml_events, w.path], r"^list$|^validate$"),
    }
    if ONLY is None or re.search("trend|month ends", ONLY.pattern):
        # What a cold trend cannot do without: read every document version it judges, and
        # tokenise their YAML (no tree, no schema, no rules).
        blobs = month_end_blobs(w)
        floors["git cat-file --batch (Plans at the month ends)"] = (
            ["/bin/sh", "-c", f"git cat-file --batch < '{blobs}' > /dev/null"], r"trend")
        floors["git cat-file | libyaml events (Plans at the month ends)"] = (
            ["/bin/sh", "-c", f"git cat-file --batch < '{blobs}' | '{yaml_events}' --batch"], r"trend")
    for name, (argv, used_by) in floors.items():
        if ONLY is None or ONLY.search(name) or ONLY.pattern in used_by or re.search(used_by, ONLY.pattern):
            measure(name, argv, runs=runs)

    # -- peers -------------------------------------------------------------------
    peers = os.path.join(BENCH, "peers")
    schemas = os.path.join(w.path, "Schemas")
    if not os.path.isdir(schemas):
        schemas = os.path.join(ROOT, "Schemas")  # what plantrack embeds
    peer_list = {
        "py validate (tree): PyYAML C + jsonschema-rs": ([PY, os.path.join(peers, "validate.py"), w.path, schemas], r"^validate$"),
        "py validate --rev HEAD: pygit2 + PyYAML C + jsonschema-rs": ([PY, os.path.join(peers, "validate.py"), w.path, schemas, "HEAD"], r"validate --rev"),
        "py rollup --rev HEAD: pygit2 + PyYAML C": ([PY, os.path.join(peers, "rollup.py"), w.path, "HEAD"], r"rollup"),
        "py trend monthly: pygit2 incremental by blob id": ([PY, os.path.join(peers, "trend.py"), w.path, "HEAD"], r"trend"),
    }
    for name, (argv, used_by) in peer_list.items():
        if ONLY is None or ONLY.search(name) or re.search(used_by, ONLY.pattern):
            measure(name, argv, runs=peer_runs)
    # check-jsonschema takes ~10 ms a document (about 8 minutes at national scale): it runs on
    # the small workspace, and on the national one only with BENCH_CHECK_JSONSCHEMA_NATIONAL=1.
    cjs_here = w.label == "small" or os.environ.get("BENCH_CHECK_JSONSCHEMA_NATIONAL") not in (None, "", "0")
    if cjs_here and not os.environ.get("BENCH_SKIP_CHECK_JSONSCHEMA") and (ONLY is None or ONLY.search("check-jsonschema")):
        script = " && ".join(
            f"check-jsonschema --base-uri file://{schemas}/{kind}.schema.json "
            f"--schemafile {schemas}/{kind}.schema.json {kind}/*.yaml > /dev/null"
            for kind in ("workspace", "county", "plan", "goal", "activity")
            if os.path.isdir(os.path.join(w.front_matters, kind)))
        env_path = f"PATH={VENV}/bin:$PATH; " + script
        measure("check-jsonschema (extracted front matters)", ["/bin/sh", "-c", env_path], cwd=w.front_matters, runs=1)

    # -- plantrack ---------------------------------------------------------------
    cold = clear_caches(w)
    plantrack("list --rev HEAD", "list", ["--rev", "HEAD", "--format", "json"], "--format")
    plantrack("list", "list", ["--format", "json"], "--format")
    asof = ["--as-of", as_of] if has("validate", "--as-of") else []
    plantrack("validate", "validate", ["--format", "json", *asof], "--format", before_each=cold)
    plantrack("validate --rev HEAD", "validate", ["--rev", "HEAD", "--format", "json", *asof], "--format", before_each=cold)
    plantrack(f"diff HEAD~{depth} HEAD --format json", "diff", [f"HEAD~{depth}", "HEAD", "--format", "json"], "--format", before_each=cold)
    fmt = lambda command: ["--format", "json"] if has(command, "--format") else []
    # Every plan year, each with its own total (plantrack never adds years up), as the peer counts.
    all_years = ["--all-years"] if has("rollup", "--all-years") else []
    plantrack("rollup --rev HEAD (cold)", "rollup", ["--rev", "HEAD", *all_years, *fmt("rollup")], before_each=cold)
    plantrack("rollup --rev HEAD (warm)", "rollup", ["--rev", "HEAD", *all_years, *fmt("rollup")], warmup=1)
    plantrack("trend --every month (cold)", "trend", ["--every", "month", *fmt("trend")], "--every", before_each=cold)
    plantrack("trend --every month (warm)", "trend", ["--every", "month", *fmt("trend")], "--every", warmup=1)

    # -- sync ----------------------------------------------------------------------
    s_pt, s_git = "plantrack sync (one changed document)", "git pull --rebase && git push (one changed document)"
    s_pt_net = "plantrack sync: transfer + integration (without validation)"
    if commands.available("sync") and (wanted(s_pt) or wanted(s_git)):
        report["available"][s_pt] = True
        bench = SyncBench(w)
        m = measure(s_pt, [PLANTRACK, "sync", "--format", "json"], cwd=bench.clones["plantrack"],
                    before_each=bench.reset("plantrack"), ok_status=(0,))
        measure(s_git, ["/bin/sh", "-c", "git pull -q --rebase origin main && git push -q origin main"],
                cwd=bench.clones["git"], before_each=bench.reset("git"))
        # The validation of the result (which git does not do) is taken out of each run with
        # the phases sync reports (`seconds` in its JSON), and shown on its own.
        # Each run overwrites the output file, so the phases are the last run's, and the net
        # time is that run's time minus its validation.
        net = Measure(s_pt_net, m.argv, m.cwd, m.runs)
        last = m.json() if m.best and m.all[-1].status == 0 else None
        if isinstance(last, dict) and isinstance(last.get("seconds"), dict):
            validate = float(last["seconds"].get("validate", 0))
            net.best = Run(max(0.0, m.all[-1].seconds - validate), m.all[-1].rss_kb, 0, m.all[-1].out_path)
            net.all = [net.best]
            section["sync_phases"] = last["seconds"]
            measured[s_pt_net] = net
            section["measurements"].append(dict(net.record(), workspace=w.label))
            log(f"{s_pt_net}: {net.best.seconds:.3f} s (validation {validate:.3f} s)")

    # -- review ------------------------------------------------------------------
    r_review, r_validate = "review (50 changed goals)", "validate (the same workspace, cold)"
    if commands.available("review") and (wanted(r_review) or wanted(r_validate)):
        report["available"][r_review] = True
        bench = ReviewBench(w)
        review_ws = ["--workspace", bench.path]

        def clear_review():
            for relative in CACHE_PATHS:
                path = os.path.join(bench.path, relative)
                if os.path.isdir(path):
                    shutil.rmtree(path)
                elif os.path.exists(path):
                    os.remove(path)
        measure(r_validate, [PLANTRACK, "validate", "--format", "json", *asof, *review_ws], before_each=clear_review,
                ok_status=(0, 1))
        measure(r_review, [PLANTRACK, "review", "--format", "json", *review_ws], before_each=clear_review)

    # -- targets -----------------------------------------------------------------
    def check(command, baseline, target, limit, relation="<=", absolute=False, memory=False):
        m = measured.get(command)
        if m is None:
            if report["available"].get(command) is False:
                report["checks"].append({"workspace": w.label, "command": command, "baseline": baseline,
                                         "target": target, "result": "not available"})
            return
        b = measured.get(baseline) if baseline else None
        if baseline and b is None and limit is None:
            return  # an informative comparison with a baseline not run here
        row = {"workspace": w.label, "command": command, "seconds": m.best.seconds if m.best else None,
               "peak_rss_mb": round(m.best.rss_kb / 1024, 1) if m.best else None,
               "baseline": baseline, "baseline_seconds": b.best.seconds if b and b.best else None,
               "target": target, "ratio": None, "result": "info"}
        if m.best and b and b.best:
            row["ratio"] = m.best.seconds / b.best.seconds
        if m.error:
            row["result"] = "ERROR"
        elif limit is not None and w is not None:
            value = (row["peak_rss_mb"] if memory else row["seconds"] if absolute else row["ratio"])
            if value is None:
                row["result"] = "no baseline"
            else:
                ok = value < limit if relation == "<" else value <= limit
                row["result"] = "pass" if ok else "FAIL"
        # Targets are for the national scale; on the small workspace (and so in quick mode) they
        # are shown in parentheses, not enforced: quick mode checks the harness, not plantrack.
        if w.label == "small" and row["result"] in ("pass", "FAIL"):
            row["result"] = "(" + row["result"].lower() + ")"
        report["checks"].append(row)

    f_cat, f_log = "git cat-file --batch (Plans at HEAD)", "git log --raw --no-renames"
    f_diff, f_yaml = f"git diff HEAD~{depth} HEAD", "libyaml events (front matters, working tree)"
    p_val = "py validate (tree): PyYAML C + jsonschema-rs"
    p_val_rev = "py validate --rev HEAD: pygit2 + PyYAML C + jsonschema-rs"
    p_roll, p_trend = "py rollup --rev HEAD: pygit2 + PyYAML C", "py trend monthly: pygit2 incremental by blob id"
    check("list --rev HEAD", f_cat, "—", None)
    check("list", f_yaml, "—", None)
    check("validate", p_val, "< 0.1 × peer", 0.1, "<")
    check("validate", f_yaml, "—", None)
    check("validate", "check-jsonschema (extracted front matters)", "—", None)
    check("validate --rev HEAD", p_val_rev, "—", None)
    check(f"diff HEAD~{depth} HEAD --format json", f_diff, "≤ 3 × git diff", 3)
    check("rollup --rev HEAD (cold)", p_roll, "≤ 0.2 × peer", 0.2)
    check("rollup --rev HEAD (cold)", None, "RSS < 300 MB", 300, "<", memory=True)
    check("rollup --rev HEAD (warm)", None, "< 0.3 s", 0.3, "<", absolute=True)
    check("rollup --rev HEAD (warm)", None, "RSS < 300 MB", 300, "<", memory=True)
    check("trend --every month (cold)", p_trend, "≤ 0.05 × peer", 0.05)
    check("trend --every month (cold)", f_log, "≤ 3 × git log", 3)
    check("trend --every month (cold)", None, "RSS < 300 MB", 300, "<", memory=True)
    # How close the least a cold trend must do comes to its targets on its own.
    f_month_cat = "git cat-file --batch (Plans at the month ends)"
    f_month_yaml = "git cat-file | libyaml events (Plans at the month ends)"
    check("trend --every month (cold)", f_month_cat, "—", None)
    check("trend --every month (cold)", f_month_yaml, "—", None)
    check(f_month_cat, p_trend, "—", None)
    check(f_month_yaml, p_trend, "—", None)
    check(f_month_yaml, f_log, "—", None)
    check("trend --every month (warm)", None, "RSS < 300 MB", 300, "<", memory=True)
    check(s_pt, s_git, "— (with validation)", None)
    check(s_pt_net, s_git, "≤ 1.5 × git", 1.5)
    check(r_review, r_validate, "≤ 1.5 × cold validate", 1.5)

    # -- agreement ---------------------------------------------------------------
    def agree(what, ours, theirs, peer):
        if ours is None or theirs is None:
            result = "cannot compare"
        else:
            result = "agree" if ours == theirs else "DISAGREE"
        entry = {"workspace": w.label, "what": what, "plantrack": ours, "peer": peer, "peer_value": theirs, "result": result}
        report["agreement"].append(entry)
        if result == "DISAGREE":
            print(f"DISAGREE [{w.label}] {what}: plantrack {ours} vs {peer} {theirs}", flush=True)

    def value(name, key=None, transform=None):
        m = measured.get(name)
        data = m.json() if m else None
        if data is None:
            return None
        if transform:
            return transform(data)
        return data.get(key) if isinstance(data, dict) else None

    if "list" in measured:
        agree("documents (list, working tree)", value("list", transform=lambda d: len(d.get("documents", []))),
              value(p_val, "documents"), p_val)
    if "list --rev HEAD" in measured:
        agree("documents (list --rev HEAD)", value("list --rev HEAD", transform=lambda d: len(d.get("documents", []))),
              value(p_val_rev, "documents"), p_val_rev)
    for name, peer in (("validate", p_val), ("validate --rev HEAD", p_val_rev)):
        if name in measured:
            for key in ("documents", "errors"):
                agree(f"{key} ({name})", value(name, key), value(peer, key), peer)
    if "rollup --rev HEAD (cold)" in measured:
        per_year = value("rollup --rev HEAD (cold)", transform=totals_by_year)
        if per_year is not None:
            agree("activity status counts per plan year (rollup --rev HEAD --all-years)", per_year,
                  value(p_roll, "statuses_by_year"), p_roll)
        else:
            agree("activity status counts (rollup --rev HEAD)", value("rollup --rev HEAD (cold)", transform=find_status_counts),
                  value(p_roll, "statuses"), p_roll)
    if "trend --every month (cold)" in measured:
        ours = value("trend --every month (cold)", transform=monthly_by_year)
        if ours is not None:
            peer_months = value(p_trend, transform=peer_monthly_by_year)
        else:
            peer_months = value(p_trend, transform=lambda d: {m["month"]: m["statuses"] for m in d["months"]})
            ours = value("trend --every month (cold)", transform=find_monthly)
        if ours is not None and peer_months is not None:
            common = sorted(set(ours) & set(peer_months))
            ours = {k: ours[k] for k in common} if common else ours
            peer_months = {k: peer_months[k] for k in common} if common else peer_months
        agree("monthly activity status counts (trend --every month)", ours, peer_months, p_trend)
    return section


def bench_kolada(commands, report):
    """`indicators fetch` of 500 sourced indicators × 5 years from a local stand-in for Kolada
    (bench/kolada_server.py, paged answers), beside a plain loop of curl over the same pages."""
    name = "indicators fetch: 500 indicators × 5 years (local server)"
    curl_name = "curl loop over the same pages (downloads only)"
    if ONLY is not None and not (ONLY.search(name) or ONLY.search(curl_name)):
        return None
    present = commands.available("indicators")
    fetch_help = subprocess.run([PLANTRACK, "indicators", "fetch", "--help"], capture_output=True, text=True)
    report["available"][name] = present and fetch_help.returncode == 0
    if not report["available"][name]:
        log(f"{name}: not available")
        return None
    path = os.path.join(WORK, "ws-kolada-500")
    out = os.path.join(WORK, "out-kolada")
    os.makedirs(out, exist_ok=True)
    if not os.path.exists(path + ".done"):
        log(f"writing {path}: 100 goals × 5 sourced indicators")
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        git = lambda *args: sh(["git", "-C", path, "-c", "user.name=Bench", "-c", "user.email=bench@example.se", *args])
        git("init", "-q", "-b", "main")
        git("config", "user.name", "Bench")
        git("config", "user.email", "bench@example.se")
        pt = lambda *args: sh([PLANTRACK, *args, "--workspace", path]) if args[0] != "init" else sh([PLANTRACK, *args], cwd=path)
        pt("init", ".", "--county", "orebro", "--county-name", "Örebro län", "--code", "18")
        pt("new", "plan", "orebro/2024", "--title", "Handlingsplan 2024", "--area", "bu=Barn och unga")
        pt("new", "goal", "orebro/2024/bu-st-1", "--title", "Mål 1", "--term", "short", "--area", "bu")
        goals = os.path.join(path, "Plans", "orebro", "2024", "goals")
        template = open(os.path.join(goals, "bu-st-1.md")).read()
        head, rest = template[4:].split("\n---\n", 1)
        municipalities = ["0018", "1880", "1881", "1882", "1883"]
        for g in range(1, 101):
            block = "indicators:\n"
            for j, municipality in enumerate(municipalities):
                block += (f"  - id: ind-{j + 1}\n    title: Indikator {g}.{j + 1}\n    unit: percent\n"
                          f"    direction: increase\n    source:\n      kolada:\n        kpi: N{g:05d}\n"
                          f"        municipality: \"{municipality}\"\n"
                          f"    baseline:\n      value: 50\n      date: 2020-12-31\n"
                          f"    target:\n      value: 60\n      date: 2024-12-31\n")
            text = "---\n" + head.replace("bu-st-1", f"bu-st-{g}").replace("Mål 1", f"Mål {g}") + "\n" + block + "---\n" + rest
            open(os.path.join(goals, f"bu-st-{g}.md"), "w").write(text)
        git("add", "-A")
        git("commit", "-q", "-m", "500 sourced indicators")
        open(path + ".done", "w").write("ok\n")
    base = sh(["git", "-C", path, "rev-parse", "HEAD"]).strip()
    port_file, log_file = os.path.join(out, "port"), os.path.join(out, "requests.log")
    for leftover in (port_file,):
        if os.path.exists(leftover):
            os.remove(leftover)
    server = subprocess.Popen([sys.executable, os.path.join(BENCH, "kolada_server.py"), port_file, log_file])
    try:
        deadline = time.time() + 20
        while not os.path.exists(port_file) and time.time() < deadline:
            time.sleep(0.05)
        port = open(port_file).read().strip()
        url = f"http://127.0.0.1:{port}/v3"

        def reset():
            sh(["git", "-C", path, "reset", "-q", "--hard", base])
            open(log_file, "w").close()

        argv = [PLANTRACK, "indicators", "fetch", "--base-url", url, "--year", "2020-2024", "--per-page", "100",
                "--format", "json", "--workspace", path]
        m = Measure(name, argv, path, RUNS, before_each=reset).go(out)
        pages = [line.strip() for line in open(log_file) if line.strip()]
        urls = os.path.join(out, "urls.txt")
        open(urls, "w").write("".join(f"http://127.0.0.1:{port}{p}\n" for p in pages))
        loop = f"while read -r u; do curl -s -o /dev/null \"$u\" || exit 1; done < '{urls}'"
        c = Measure(curl_name, ["/bin/sh", "-c", loop], out, RUNS).go(out)
    finally:
        server.terminate()
        server.wait()
    data = m.json() or {}
    figures = data.get("requests") if isinstance(data, dict) else None
    section = {"label": "kolada", "path": os.path.relpath(path, ROOT),
               "parameters": {"indicators": 500, "years": 5, "per_page": 100, "pages": len(pages),
                              "plantrack_requests": figures},
               "measurements": [dict(m.record(), workspace="kolada"), dict(c.record(), workspace="kolada")]}
    row = {"workspace": "kolada", "command": name, "seconds": m.best.seconds if m.best else None,
           "peak_rss_mb": round(m.best.rss_kb / 1024, 1) if m.best else None, "baseline": curl_name,
           "baseline_seconds": c.best.seconds if c.best else None, "target": "≤ 2 × curl loop", "ratio": None,
           "result": "ERROR" if (m.error or c.error) else "no baseline"}
    if m.best and c.best and not (m.error or c.error):
        row["ratio"] = m.best.seconds / c.best.seconds
        row["result"] = "pass" if row["ratio"] <= 2 else "FAIL"
    report["checks"].append(row)
    log(f"{name}: {len(pages)} pages; ratio to the curl loop {row['ratio']}")
    return section


def machine():
    def read(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
        except OSError:
            return None
    cpu = None
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return {
        "uname": read(["uname", "-a"]), "nproc": read(["nproc"]), "cpu": cpu, "memory": mem,
        "git": read(["git", "--version"]), "swift": (read(["swift", "--version"]) or "").splitlines()[0:1],
        "python": platform.python_version(), "libyaml": read(["pkg-config", "--modversion", "yaml-0.1"]),
        "plantrack_commit": read(["git", "-C", ROOT, "rev-parse", "HEAD"]),
        # Uncommitted changes to the sources the binaries may have been built from.
        "plantrack_uncommitted": (read(["git", "-C", ROOT, "status", "--porcelain", "--", "Sources", "Package.swift"]) or "").splitlines(),
    }


def print_report(report):
    def secs(s):
        return "—" if s is None else f"{s:.3f} s" if s < 10 else f"{s:.1f} s"

    print()
    print(f"machine: {report['machine']['cpu']}, {report['machine']['nproc']} cores; "
          f"runs: best of {report['runs']} (peers {report['peer_runs']})")
    header = ["workspace", "command", "plantrack", "baseline", "baseline time", "ratio", "target", "result", "peak RSS"]
    rows = []
    for c in report["checks"]:
        if c["result"] == "not available":
            rows.append([c["workspace"], c["command"], "not available", c["baseline"] or "", "", "", c["target"], "n/a", ""])
            continue
        rows.append([c["workspace"], c["command"], secs(c["seconds"]), c["baseline"] or "",
                     secs(c["baseline_seconds"]) if c["baseline"] else "",
                     "" if c["ratio"] is None else f"{c['ratio']:.3f}", c["target"], c["result"],
                     "" if c["peak_rss_mb"] is None else f"{c['peak_rss_mb']:.0f} MB"])
    table(header, rows)
    print()
    rows = [[s["label"], m["name"], secs(m["seconds"]), str(m["runs"]),
             "" if m["peak_rss_mb"] is None else f"{m['peak_rss_mb']:.0f} MB", (m["error"] or "").splitlines()[0][:100] if m["error"] else ""]
            for s in report["workspaces"] for m in s["measurements"]]
    table(["workspace", "measurement", "best", "runs", "peak RSS", "error"], rows)
    if "baseline" in report:
        print()
        print(f"before/after: each plantrack time against the baseline {report['baseline']['revision']}'s "
              "(measured right after it; over 1.10 is beyond the bench's noise)")
        rows = [[c["workspace"], c["command"], secs(c["baseline_seconds"]), secs(c["seconds"]),
                 "" if c["ratio"] is None else f"{c['ratio']:.3f}",
                 "" if c["ratio"] is None else ("> 10 % slower" if c["ratio"] > 1.10 else "within 10 %")]
                for c in report["baseline"]["comparisons"]]
        table(["workspace", "command", "baseline", "plantrack", "ratio", ""], rows)
    print()
    for a in report["agreement"]:
        print(f"{a['result']:>14}  [{a['workspace']}] {a['what']}: plantrack {short(a['plantrack'])} · peer {short(a['peer_value'])}")


def short(value):
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) < 120 else text[:117] + "…"


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(v).ljust(widths[i]) for i, v in enumerate(r)).rstrip()
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


if __name__ == "__main__":
    sys.exit(main())
