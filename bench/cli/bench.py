#!/usr/bin/env python3
"""Wall time and peak memory of short orodc commands, JVM start included, under several JVM settings.

Usage: bench/cli/bench.py [--runs N] [--out FILE]
Needs: a packaged application (./mvnw -DskipTests package); for the install/status rows, a proxy installed
with the settings of the environment (the script does not install one itself unless --install IMAGE is given).
"""
import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "target", "quarkus-app", "orodc.jar")
CDS = os.path.join(ROOT, "target", "orodc-cds.jsa")

SETTINGS = {
    "default JVM": [],
    "launcher (C1, SerialGC)": ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"],
    "launcher + AppCDS": ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + CDS],
}


def run_once(jvm, args, env):
    start = time.perf_counter()
    proc = subprocess.run(["java", *jvm, "-jar", JAR, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start, proc.returncode


def peak_rss_kib(jvm, args, env):
    # RUSAGE_CHILDREN keeps the largest child ever seen: measure in a fresh process that has exactly one child
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, "java", *jvm, "-jar", JAR, *args], env=env,
                         capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def ensure_cds(env):
    if os.path.exists(CDS):
        return
    subprocess.run(["java", "-XX:ArchiveClassesAtExit=" + CDS, "-jar", JAR, "proxy-status"], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results",
                                                      "cli-" + datetime.date.today().isoformat() + ".md"))
    parser.add_argument("--install", metavar="IMAGE", help="install the proxy with this image first")
    opts = parser.parse_args()
    env = dict(os.environ)
    if opts.install:
        env["ORODC_PROXY_IMAGE"] = opts.install
        subprocess.run(["java", "-jar", JAR, "install-proxy"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ensure_cds(env)
    commands = {"--version": ["--version"], "proxy-status": ["proxy-status"],
                "install-proxy (up to date)": ["install-proxy"]}
    lines = ["# orodc CLI: wall time and peak RSS", "",
             "Date: %s. Machine: %d cores, %s. Runs per cell: %d (median, min..max)." % (
                 datetime.datetime.now().isoformat(timespec="minutes"), os.cpu_count(),
                 subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0], opts.runs),
             "", "| command | JVM settings | wall median | wall range | peak RSS | exit |", "|---|---|---|---|---|---|"]
    for name, args in commands.items():
        for label, jvm in SETTINGS.items():
            walls, codes = [], set()
            for _ in range(opts.runs):
                wall, code = run_once(jvm, args, env)
                walls.append(wall)
                codes.add(code)
            rss = peak_rss_kib(jvm, args, env)
            lines.append("| %s | %s | %.3f s | %.3f..%.3f s | %.0f MiB | %s |" % (
                name, label, statistics.median(walls), min(walls), max(walls), rss / 1024, ",".join(map(str, sorted(codes)))))
            print(lines[-1], flush=True)
    os.makedirs(os.path.dirname(opts.out), exist_ok=True)
    with open(opts.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("written to " + opts.out)


if __name__ == "__main__":
    main()
