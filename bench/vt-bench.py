#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark suite: every speed and memory target of the app, per size.

Run it through build-aux/bench (which builds, starts Xvfb and calls this):

    build-aux/bench [--sizes 1000,10000,100000] [--json FILE] [--runs N]

For each size it makes (or takes from the cache) a database of that many
suppliers with 5 visits and 2 assessments each (bench/vt-bench-generate;
files are kept in ~/.cache/vitask-bench keyed by the generator's version
and the schema version), then measures, with medians and 95th percentiles:

- start-up to the first drawn frame of the main window with that database,
  against a minimal libadwaita window (bench/vt-bench-minimal); target:
  ratio of medians <= 1.5;
- opening the database and the first page of the list (< 50 ms at 100 000);
- a keystroke in search to the updated list, in the running app (p95 <
  16 ms) and in the store alone; changing a filter or the sort (< 50 ms);
- peak resident memory with the list scrolled end to end (< 200 MB);
- the first page of the list through the store against the same query in
  the sqlite3 command-line tool on the same file (ratio <= 2).

Once: each chart at 1920x1080 (< 8 ms), the round report as PDF (< 1 s),
importing 100 000 CSV rows (< 3 s). It prints every figure beside its
target and writes a JSON summary.
"""

import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Words typed into the running app's search entry, a character at a time.
APP_SEARCHES = "cong ty|dien tu|khuon mau|현대|ㅎㄷ|viet 99|nhựa"

# The first page of the supplier list in name order, as the SQLite backend
# asks for it (vt_sqlite_backend_query_suppliers with no text, no filter).
LIST_SQL = """
SELECT s.uuid, s.name_vi, s.name_ko, p.short_name_vi, s.sector, s.stage, s.readiness,
  s.version, s.sort_key, page.value,
  (SELECT max (v.starts_at) FROM visits v WHERE v.supplier_id = s.id AND v.starts_at <= '{now}'
   AND v.status <> 'cancelled'),
  (SELECT min (v.starts_at) FROM visits v WHERE v.supplier_id = s.id AND v.starts_at > '{now}'
   AND v.status IN ('planned', 'confirmed'))
FROM (SELECT s.id AS id, NULL AS value FROM suppliers s WHERE 1
      ORDER BY s.sort_key ASC, s.uuid ASC LIMIT 201) AS page
JOIN suppliers s ON s.id = page.id
LEFT JOIN provinces p ON p.list_id = s.province_list AND p.code = s.province_code
ORDER BY s.sort_key ASC, s.uuid ASC;
"""


def say(*args):
    print(*args, flush=True)


def stats(values):
    values = sorted(values)
    if not values:
        return None
    def at(p):
        return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))]
    return {"median": statistics.median(values), "p95": at(0.95), "max": values[-1], "n": len(values)}


class Results:
    def __init__(self):
        self.rows = []

    def add(self, size, name, value, unit, target, ok, note=""):
        self.rows.append({"size": size, "measure": name, "value": value, "unit": unit,
                          "target": target, "ok": ok, "note": note})
        verdict = "ok" if ok else ("MISSED" if ok is not None else "-")
        say(f"  {name:<42} {value:>46}  {target:<18} {verdict:<6} {note}")


def fmt(s, unit="ms"):
    if s is None:
        return "n/a"
    text = f"median {s['median']:.1f} p95 {s['p95']:.1f} {unit}"
    if "cpu_p95" in s:
        text += f" (cpu {s['cpu_median']:.1f}/{s['cpu_p95']:.1f})"
    return text


def generator_version(build):
    out = subprocess.run([os.path.join(build, "bench", "vt-bench-generate"), "--version"],
                         check=True, capture_output=True, text=True).stdout
    return out.strip()


def schema_version():
    return len(glob.glob(os.path.join(TOP, "data", "sql", "[0-9][0-9][0-9][0-9]-*.sql")))


def database(build, cache, size):
    """The cached database of @size suppliers, generated if missing."""
    name = f"suppliers-{size}-g{generator_version(build)}-s{schema_version()}.db"
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        for old in glob.glob(os.path.join(cache, f"suppliers-{size}-*.db")):
            os.unlink(old)
        say(f"Generating {size} suppliers into {path}")
        start = time.monotonic()
        subprocess.run([os.path.join(build, "bench", "vt-bench-generate"), path, str(size)], check=True)
        say(f"  generated in {time.monotonic() - start:.1f} s")
    return path


def app_env(build, home):
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "VT_LOCALEDIR": os.path.join(build, "po"),
        "LANGUAGE": "en", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        # No accessibility bus: the same for the app and the minimal window.
        "NO_AT_BRIDGE": "1", "GTK_A11Y": "none",
    })
    return env


def run_timed(cmd, env, timing, extra=None, timeout=600):
    """Runs @cmd with VT_TIMING=@timing; returns (start_us, [(event, us, detail)])."""
    env = dict(env, VT_TIMING=timing, **(extra or {}))
    start = time.monotonic_ns() // 1000
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    events = []
    for line in proc.stderr.splitlines():
        m = re.match(r"vt-timing (\S+) (\d+) ?(.*)", line)
        if m:
            events.append((m.group(1), int(m.group(2)), m.group(3)))
    if proc.returncode != 0 or not events:
        sys.stderr.write(proc.stderr[-3000:])
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode})")
    return start, events


def first(events, name):
    for e in events:
        if e[0] == name:
            return e
    return None


def startup(build, env, db, runs):
    app = [os.path.join(build, "src", "vitask-suppliers"), "-d", db]
    minimal = [os.path.join(build, "bench", "vt-bench-minimal")]
    ours, page, base = [], [], []
    for _ in range(runs):
        # Alternated, so that a burst of load hits both.
        start, events = run_timed(minimal, env, "quit-first")
        base.append((first(events, "first-frame")[1] - start) / 1000)
        start, events = run_timed(app, env, "quit-page")
        ours.append((first(events, "first-frame")[1] - start) / 1000)
        drawn = first(events, "first-page-drawn")
        if drawn:
            page.append((drawn[1] - start) / 1000)
    return stats(ours), stats(page), stats(base)


def app_search(build, env, db):
    app = [os.path.join(build, "src", "vitask-suppliers"), "-d", db]
    _, events = run_timed(app, env, "search", {"VT_TIMING_SEARCH": APP_SEARCHES})
    times, pending = [], None
    for name, us, _ in events:
        if name == "search":
            pending = us
        elif name == "list-updated" and pending is not None:
            times.append((us - pending) / 1000)
            pending = None
    return stats(times)


def app_scroll(build, env, db):
    app = [os.path.join(build, "src", "vitask-suppliers"), "-d", db]
    start, events = run_timed(app, env, "scroll", timeout=1800)
    end = first(events, "scrolled-end")
    frame = first(events, "first-frame")
    detail = dict(kv.split("=") for kv in end[2].split())
    first_kib = int(frame[2].split("=")[1]) if frame and "=" in frame[2] else None
    return {"peak_mib": int(detail["vmhwm_kib"]) / 1024, "items": int(detail["items"]),
            "total": int(detail["total"]), "seconds": (end[1] - start) / 1e6,
            "first_frame_mib": first_kib / 1024 if first_kib else None}


def minimal_rss(build, env):
    _, events = run_timed([os.path.join(build, "bench", "vt-bench-minimal")], env, "quit-first")
    return int(first(events, "first-frame")[2].split("=")[1]) / 1024


def store(build, db):
    out = subprocess.run([os.path.join(build, "bench", "vt-bench-store"), db],
                         check=True, capture_output=True, text=True, timeout=1800).stdout
    return json.loads(out.strip().splitlines()[-1])


def sqlite_cli(db, runs=30):
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    script = ".timer on\n" + LIST_SQL.format(now=now) * runs
    proc = subprocess.run(["sqlite3", "-bail", "-readonly", db], input=script.encode(),
                          capture_output=True, check=True)
    proc.stdout = proc.stdout.decode("utf-8", errors="replace")
    times = [float(m.group(1)) * 1000 for m in re.finditer(r"Run Time: real ([0-9.]+)", proc.stdout)]
    rows = sum(1 for line in proc.stdout.splitlines() if not line.startswith("Run Time")) // runs
    return stats(times[1:]), rows


def charts(build):
    out = subprocess.run([os.path.join(build, "bench", "vt-bench-charts")], check=True,
                         capture_output=True, text=True, timeout=900).stdout
    result = {}
    for line in out.splitlines():
        m = re.match(r"(\S+)\s+(\S+)\s+([0-9.]+) ms\s+([0-9.]+) ms", line)
        if m:
            result[f"{m.group(1)}/{m.group(2)}"] = {"median": float(m.group(3)), "p95": float(m.group(4))}
    return result


def csv_import(build, env, rows):
    out = subprocess.run([os.path.join(build, "bench", "vt-bench-import")], check=True,
                         capture_output=True, text=True, timeout=1800,
                         env=dict(env, VT_BENCH_ROWS=str(rows))).stdout
    m = re.search(r"rows \(([0-9.]+) MB\): ([0-9.]+) s.*peak memory ([0-9.]+) MB", out)
    return {"seconds": float(m.group(2)), "peak_mib": float(m.group(3)), "line": out.strip()}


def report_pdf(build):
    """The round report as PDF, from bench/vt-bench-report: the slowest
    median of its cases (the sample round through the store, 200 and 1 000
    suppliers)."""
    prog = os.path.join(build, "bench", "vt-bench-report")
    if not os.path.exists(prog):
        return None
    out = subprocess.run([prog], capture_output=True, text=True, timeout=900).stdout
    cases = {}
    for line in out.splitlines():
        m = re.match(r"(.*?)\s+(\d+) pages\s+\d+ KiB\s+median\s+([0-9.]+) ms\s+max\s+([0-9.]+) ms", line)
        if m:
            cases[m.group(1).strip()] = {"pages": int(m.group(2)), "median_ms": float(m.group(3)),
                                         "max_ms": float(m.group(4))}
    if not cases:
        return None
    worst = max(cases.values(), key=lambda c: c["median_ms"])
    return {"seconds": worst["median_ms"] / 1000, "cases": cases}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(TOP, "_build"))
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5, help="start-ups per program and size")
    parser.add_argument("--cache", default=os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                                                        "vitask-bench"))
    parser.add_argument("--json", default=os.path.join(TOP, "_build", "bench-results.json"))
    parser.add_argument("--skip-once", action="store_true", help="skip charts, report and import")
    args = parser.parse_args()

    build = os.path.abspath(args.build)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results = Results()
    summary = {"load_average_start": os.getloadavg(), "cpus": os.cpu_count(),
               "generator": generator_version(build), "schema": schema_version(), "sizes": {}}
    home = tempfile.mkdtemp(prefix="vt-bench-home-")
    env = app_env(build, home)
    say(f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} "
        "(other builds may be running: figures are pessimistic)")
    say(f"  {'measure':<42} {'value (processor time in brackets)':>46}  {'target':<18}")

    try:
        for size in sizes:
            cached = database(build, args.cache, size)
            # The runs work on a copy: opening writes to the file (WAL).
            db = os.path.join(home, f"bench-{size}.db")
            shutil.copyfile(cached, db)
            say(f"\n{size} suppliers")
            s = summary["sizes"][size] = {}

            ours, page, base = startup(build, env, db, args.runs)
            ratio = ours["median"] / base["median"]
            s["startup"] = {"app_ms": ours, "first_page_drawn_ms": page, "minimal_ms": base, "ratio": ratio}
            results.add(size, "start-up to first frame (app)", fmt(ours), "ms", "", None)
            results.add(size, "start-up to first frame (minimal window)", fmt(base), "ms", "", None)
            results.add(size, "  ratio of medians", f"{ratio:.2f}", "", "<= 1.5", ratio <= 1.5)
            results.add(size, "start-up to first rows drawn", fmt(page), "ms", "", None)

            st = store(build, db)
            s["store"] = st
            ofp = {k.replace("_ms", ""): v for k, v in st["open_first_page"].items()}
            results.add(size, "open + first page of the list", fmt(ofp), "ms", "< 50 ms (median)",
                        ofp["median"] < 50 if size == 100000 else None)
            for key, label in (("search", "search keystroke (store)"),
                               ("search_dense_filter", "  with a stage most pass (store)"),
                               ("search_by_readiness", "  sorted by readiness (store)")):
                v = {k.replace("_ms", ""): x for k, x in st[key].items()}
                results.add(size, label, fmt(v), "ms", "p95 < 16 ms", v["p95"] < 16)
            for key, label in (("filter", "change a filter (store)"), ("sort", "change the sort (store)")):
                v = {k.replace("_ms", ""): x for k, x in st[key].items()}
                results.add(size, label, fmt(v), "ms", "< 50 ms (median)", v["median"] < 50)

            ks = app_search(build, env, db)
            s["app_search_ms"] = ks
            results.add(size, "search keystroke to updated list (app)", fmt(ks), "ms", "p95 < 16 ms",
                        ks["p95"] < 16 if ks else False)

            cli, rows = sqlite_cli(db)
            warm = {k.replace("_ms", ""): x for k, x in st["first_page"].items()}
            ratio = warm["median"] / cli["median"] if cli["median"] > 0 else float("inf")
            s["sqlite3"] = {"cli_ms": cli, "store_ms": warm, "ratio": ratio, "rows": rows}
            results.add(size, "first page, sqlite3 CLI", fmt(cli), "ms", "", None)
            results.add(size, "first page, our store (warm)", fmt(warm), "ms", "", None)
            results.add(size, "  ratio of medians", f"{ratio:.2f}", "", "<= 2", ratio <= 2)

            scroll = app_scroll(build, env, db)
            base_rss = minimal_rss(build, env)
            scroll["minimal_window_mib"] = base_rss
            s["memory"] = scroll
            results.add(size, "peak RSS, list scrolled end to end", f"{scroll['peak_mib']:.0f} MiB", "MiB",
                        "< 200 MB", scroll["peak_mib"] < 200 if size == 100000 else None,
                        f"({scroll['items']} rows in {scroll['seconds']:.0f} s; minimal window {base_rss:.0f} MiB)")
            os.unlink(db)

        if not args.skip_once:
            say("\nOnce")
            ch = charts(build)
            summary["charts_ms"] = ch
            for name, v in ch.items():
                results.add(0, f"chart {name} at 1920x1080", f"median {v['median']:.1f} p95 {v['p95']:.1f} ms",
                            "ms", "< 8 ms (median)", v["median"] < 8)
            rep = report_pdf(build)
            summary["report_pdf"] = rep
            if rep is None:
                results.add(0, "round report as PDF", "not measured", "s", "< 1 s", None,
                            "(bench/vt-bench-report missing or failed)")
            else:
                results.add(0, "round report as PDF, slowest case", f"{rep['seconds']:.2f} s", "s", "< 1 s",
                            rep["seconds"] < 1, "(" + ", ".join(f"{k}: {v['median_ms']:.0f} ms"
                                                                for k, v in rep["cases"].items()) + ")")
            imp = csv_import(build, env, 100000)
            summary["import"] = imp
            results.add(0, "import of 100 000 CSV rows", f"{imp['seconds']:.2f} s", "s", "< 3 s",
                        imp["seconds"] < 3, f"(peak {imp['peak_mib']:.0f} MB)")
    finally:
        shutil.rmtree(home, ignore_errors=True)

    summary["load_average_end"] = os.getloadavg()
    summary["results"] = results.rows
    with open(args.json, "w") as f:
        json.dump(summary, f, indent=2, ensure_ascii=False)
    missed = sum(1 for r in results.rows if r["ok"] is False)
    say(f"\n{missed} targets missed; load average at the end {os.getloadavg()[0]:.1f}; summary in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
