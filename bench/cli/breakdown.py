#!/usr/bin/env python3
"""Where the start of one orodc command goes: classes loaded per library (and how many came from a shared
archive), the JVM uptime at which each library was first touched, and the run's own debug timings.

Usage: bench/cli/breakdown.py [--launcher PATH] [--markdown] -- COMMAND ARGS...
Runs the command once through the launcher with -Xlog:class+load (uptime stamps) added to ORODC_JAVA_OPTS.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# first matching prefix wins: the order puts the narrow names before the wide ones
GROUPS = [
    ("orodc", ("com.orodc.",)),
    ("Quarkus Qute", ("io.quarkus.qute.", "io.quarkus.qute")),
    ("Quarkus, ArC, SmallRye config", ("io.quarkus.", "io.smallrye.", "jakarta.", "org.eclipse.microprofile.",
                                       "org.jboss.", "io.netty.", "org.wildfly.", "org.graalvm.")),
    ("picocli", ("picocli.",)),
    ("Jackson YAML / SnakeYAML", ("com.fasterxml.jackson.dataformat.yaml.", "org.yaml.snakeyaml.")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("docker-java", ("com.github.dockerjava.",)),
    ("Apache HttpClient 5", ("org.apache.hc.",)),
    ("jib", ("com.google.cloud.tools.jib.",)),
    ("Guava", ("com.google.",)),
    ("Bouncy Castle", ("org.bouncycastle.",)),
    ("commons-compress, xz", ("org.apache.commons.compress.", "org.tukaani.")),
    ("other libraries", ("org.", "com.", "io.", "net.")),
    ("JDK TLS and crypto", ("sun.security.", "javax.net.ssl.", "javax.crypto.", "com.sun.crypto.", "java.security.",
                            "jdk.internal.event.", "sun.net.www.protocol.https")),
    ("JDK", ("java.", "javax.", "jdk.", "sun.", "com.sun.")),
]
LINE = re.compile(r"^\[(\d+\.\d+)s\]\s+(\S+) source: (.*)$")


def group_of(name):
    for label, prefixes in GROUPS:
        if name.startswith(prefixes):
            return label
    return "other"


def run(launcher, args, env):
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "classes.txt")
        env = dict(env)
        env["ORODC_JAVA_OPTS"] = (env.get("ORODC_JAVA_OPTS", "") + " -Xlog:class+load=info:file=" + log
                                  + ":uptime").strip()
        start = time.perf_counter()
        proc = subprocess.run([launcher, *args], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        with open(log) as f:
            lines = f.read().splitlines()
    return wall, proc, lines


def breakdown(lines):
    per = collections.OrderedDict()
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        at, name, source = float(m.group(1)), m.group(2), m.group(3)
        g = per.setdefault(group_of(name), {"count": 0, "shared": 0, "first": at, "last": at})
        g["count"] += 1
        g["shared"] += "shared objects file" in source
        g["first"] = min(g["first"], at)
        g["last"] = max(g["last"], at)
    return per


def table(wall, proc, per, title):
    total = sum(g["count"] for g in per.values())
    shared = sum(g["shared"] for g in per.values())
    out = ["%s: wall %.3f s, exit %d, %d classes, %d (%.0f%%) from a shared archive" % (
        title, wall, proc.returncode, total, shared, 100.0 * shared / max(total, 1)), "",
        "| library | classes | from archive | first loaded at | last loaded at |", "|---|---|---|---|---|"]
    for label, g in sorted(per.items(), key=lambda kv: kv[1]["first"]):
        out.append("| %s | %d | %d | %.3f s | %.3f s |" % (label, g["count"], g["shared"], g["first"], g["last"]))
    debug = [l for l in proc.stderr.splitlines() if re.search(r" in \d+ ms", l)]
    if debug:
        out += ["", "Its own timings (--verbose):", ""] + ["    " + l for l in debug]
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--launcher", default=os.path.join(ROOT, "orodc"))
    parser.add_argument("command", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = [a for a in opts.command if a != "--"]
    wall, proc, lines = run(opts.launcher, args, os.environ)
    print("\n".join(table(wall, proc, breakdown(lines), "orodc " + " ".join(args))))


if __name__ == "__main__":
    sys.exit(main())
