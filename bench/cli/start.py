#!/usr/bin/env python3
"""How long short orodc commands take from the shell's point of view, side by side with `docker version` (one
engine round trip, Go) and `java -version` (the JVM floor). Contenders interleaved in one run: every round runs
every contender of every row once, in a rotating order, so load from other people on the machine falls on all
alike. Wall time and CPU time (user + sys of the process tree) per run; medians and p90 per cell.

Usage:
  bench/cli/start.py [--runs N] [--before LAUNCHER] [--proxy-image IMAGE] [--out FILE]

  --before LAUNCHER  a second orodc launcher to compare against (say, one of a checkout of main)
  --proxy-image      also the rows that need a running proxy: installs one with this image under a temporary
                     ORODC_HOME, times `proxy-status` and an up-to-date `install-proxy`, then uninstalls it.
                     It uses the container `proxy`: run the script under `flock /tmp/orodc-docker.lock`.

Each orodc contender gets its own start-up archive cache (XDG_CACHE_HOME in a temporary folder), warmed by
one untimed run of each command before the rounds; "no archive" runs with ORODC_CDS=0. The breakdown of
where a start goes is appended (bench/cli/breakdown.py).
"""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import breakdown  # noqa: E402


def timed(argv, env):
    """Wall seconds, CPU seconds (the child and its children), exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode


def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


class Contender:
    def __init__(self, name, argv_prefix, env):
        self.name, self.argv_prefix, self.env = name, argv_prefix, env


def orodc_contenders(launchers, home, cache_root):
    out = []
    for label, launcher in launchers:
        cache = os.path.join(cache_root, label.replace(" ", "-").replace(",", ""))
        os.makedirs(cache, exist_ok=True)
        env = dict(os.environ, ORODC_HOME=home, XDG_CACHE_HOME=cache)
        out.append(Contender(label, [launcher], env))
        if label == "orodc":
            out.append(Contender("orodc, no archive", [launcher], dict(env, ORODC_CDS="0")))
    return out


def measure(rows, runs, results):
    """rows: (row name, [(contender, args)]). Interleaved rounds; results[row][contender] = [(wall, cpu, code)]."""
    for row, cells in rows:
        for contender, args in cells:
            timed(contender.argv_prefix + args, contender.env)  # warm-up: page cache, start-up archive
    for r in range(runs):
        for row, cells in rows:
            shift = r % len(cells)
            for contender, args in cells[shift:] + cells[:shift]:
                results.setdefault(row, {}).setdefault(contender.name, []).append(
                    timed(contender.argv_prefix + args, contender.env))


def table(results):
    lines = ["| command | contender | wall median | wall p90 | CPU median | exit |", "|---|---|---|---|---|---|"]
    for row, cells in results.items():
        for name, samples in cells.items():
            walls = [s[0] for s in samples]
            cpus = [s[1] for s in samples]
            codes = ",".join(str(c) for c in sorted({s[2] for s in samples}))
            lines.append("| %s | %s | %.3f s | %.3f s | %.3f s | %s |" % (
                row, name, statistics.median(walls), p90(walls), statistics.median(cpus), codes))
    return lines


def load():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--before", help="another orodc launcher to compare against")
    parser.add_argument("--proxy-image", help="install a proxy with this image for the running-proxy rows")
    parser.add_argument("--proxy-only", action="store_true", help="only the rows with a running proxy")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results",
                                                      "cli-start-" + datetime.date.today().isoformat() + ".md"))
    opts = parser.parse_args()
    java = shutil.which("java") if not os.environ.get("JAVA_HOME") else os.path.join(os.environ["JAVA_HOME"], "bin", "java")
    launchers = [("orodc", os.path.join(ROOT, "orodc"))] + ([("before", os.path.abspath(opts.before))] if opts.before else [])
    tmp = tempfile.mkdtemp(prefix="orodc-bench-cli-")
    results = {}
    notes = ["Load before: `%s`" % load()]
    try:
        empty_home = os.path.join(tmp, "home-empty")
        os.makedirs(empty_home)
        cache_root = os.path.join(tmp, "cache")
        orodc = orodc_contenders(launchers, empty_home, cache_root)
        docker = Contender("docker version", ["docker", "version"], dict(os.environ))
        floor = Contender("java -version", [java, "-version"], dict(os.environ))
        rows = [(row, [(c, args) for c in orodc]) for row, args in [
            ("--version", ["--version"]), ("--help", ["--help"]), ("config", ["config"]),
            ("proxy-status, nothing installed", ["proxy-status"])]]
        rows.append(("reference", [(docker, []), (floor, [])]))
        if not opts.proxy_only:
            measure(rows, opts.runs, results)
        if opts.proxy_image:
            home = os.path.join(tmp, "home-proxy")
            os.makedirs(home)
            env = dict(os.environ, ORODC_HOME=home, ORODC_PROXY_IMAGE=opts.proxy_image)
            subprocess.run([os.path.join(ROOT, "orodc"), "install-proxy"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            try:
                proxy = orodc_contenders(launchers, home, cache_root)
                for c in proxy:
                    c.env["ORODC_PROXY_IMAGE"] = opts.proxy_image
                # another version's install-proxy may see the container as out of date and recreate it: "before"
                # gets its install-proxy rows after the others, alone
                ours = [c for c in proxy if c.name != "before"]
                measure([("proxy-status, running proxy", [(c, ["proxy-status"]) for c in proxy]),
                         ("install-proxy, up to date", [(c, ["install-proxy"]) for c in ours])], opts.runs, results)
                if len(ours) < len(proxy):
                    measure([("install-proxy, up to date (alone)", [(c, ["install-proxy"]) for c in proxy
                                                                    if c.name == "before"])], opts.runs, results)
            finally:
                subprocess.run([os.path.join(ROOT, "orodc"), "uninstall-proxy"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        notes.append("Load after: `%s`" % load())
        detail = []
        for args, home in [(["--version"], empty_home), (["proxy-status", "--verbose"], empty_home)]:
            for label, cds in [("with its start-up archive", "1"), ("no archive", "0")]:
                env = dict(os.environ, ORODC_HOME=home, ORODC_CDS=cds,
                           XDG_CACHE_HOME=os.path.join(cache_root, "orodc"))
                wall, proc, log = breakdown.run(os.path.join(ROOT, "orodc"), args, env)
                detail += breakdown.table(wall, proc, breakdown.breakdown(log),
                                          "`orodc %s`, %s" % (" ".join(args), label)) + [""]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    java_version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    lines = ["# orodc CLI start: wall and CPU time, interleaved", "",
             "Date: %s. %d cores, %s. %d rounds (median, p90). %s" % (
                 datetime.datetime.now().isoformat(timespec="minutes"), os.cpu_count(), java_version, opts.runs,
                 " ".join(notes)), ""] + table(results) + ["", "## Where a start goes", ""] + detail
    os.makedirs(os.path.dirname(opts.out), exist_ok=True)
    with open(opts.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print("written to " + opts.out)


if __name__ == "__main__":
    main()
