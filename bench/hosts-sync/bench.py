#!/usr/bin/env python3
"""Hosts sync benchmark: orodc's daemon against a naive `docker events | rewrite` loop, same workload.

Measures, for each: latency from a container's start event to its name being in the hosts file (100
containers, one after another), a burst of 200 containers started at once (time to converge after the last
start, number of writes), CPU, and resident memory at rest and after the burst. With DOCKER_HOSTER (path of
docker-hoster's hoster.py) and ORODC_DNS_SYNC (path of OroDC's dns-sync.sh) those run the same workload too.
Writes a Markdown report to bench/results/hosts-sync-<date>.md (or $RESULTS) after each contender. Needs: docker, the packaged application (./mvnw package), and the
busybox test image (any IT run builds it). Every container it starts is labelled orodc.test=true and removed.
"""
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "target", "quarkus-app", "orodc.jar")
IMAGE = "orodc-test/busybox:1"
# as the service runs it (DnsServiceSetup.DAEMON_JVM_OPTIONS); ORODC_DAEMON_JVM tries others, separated by spaces
JVM = os.environ.get("ORODC_DAEMON_JVM", "-XX:+UseSerialGC -Xms8m -Xmx48m -XX:TieredStopAtLevel=1 -Xss512k").split()
LATENCY_COUNT = int(os.environ.get("LATENCY_COUNT", "100"))
BURST_COUNT = int(os.environ.get("BURST_COUNT", "200"))
PARALLEL = int(os.environ.get("BURST_PARALLEL", "16"))
PREFIX = "orodc-t-hosts-bench"
CYCLES = int(os.environ.get("LOST_LINE_CYCLES", "30"))
CHURN_COUNT = int(os.environ.get("CHURN_COUNT", "60"))
# docker-hoster's hoster.py, when given: the third contender (never part of this repository)
HOSTER = os.environ.get("DOCKER_HOSTER", "")
# OroDC's bash dns-sync.sh (compose/docker/proxy/dns-sync.sh of the OroDC repository), when given: another
# contender, never part of this repository. It writes /etc/hosts: it runs in a mount namespace of its own where
# the temporary hosts file is bound over /etc/hosts (root needed); it looks only at traefik.enable=true containers.
ORODC_DNS_SYNC = os.environ.get("ORODC_DNS_SYNC", "")


def sh(*cmd, check=True):
    return subprocess.run(cmd, check=check, capture_output=True, text=True).stdout


class StartEvents:
    """The engine's own start time (timeNano) of each container, from `docker events`."""

    def __init__(self, run_id):
        self.times = {}
        self.proc = subprocess.Popen(["docker", "events", "--filter", "event=start", "--filter", "label=bench.run=" + run_id,
                                      "--format", "{{.Actor.Attributes.name}} {{.TimeNano}}"],
                                     stdout=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            name, nanos = line.split()
            self.times[name] = int(nanos)

    def wait_for(self, name, timeout=60):
        deadline = time.time() + timeout
        while name not in self.times:
            if time.time() > deadline:
                raise RuntimeError("no start event for " + name)
            time.sleep(0.001)
        return self.times[name]

    def close(self):
        self.proc.kill()


def run_argv(run_id, name, hostname):
    # traefik.enable=true for dns-sync.sh, which skips other containers; no rule, so no other names for the rest
    return ["docker", "run", "-d", "--name", name, "--label", "orodc.test=true", "--label", "bench.run=" + run_id,
            "--label", "orodc.dns.hostname=" + hostname, "--label", "traefik.enable=true", IMAGE, "sleep", "3600"]


def run_container(run_id, name, hostname):
    sh(*run_argv(run_id, name, hostname))


def names_in(path):
    """Every name on an address line: orodc and the baseline write labels' names, docker-hoster container names."""
    names = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) > 1 and not parts[0].startswith("#"):
                names.update(parts[1:])
    return names


def wait_names(path, expected, timeout=120):
    deadline = time.time() + timeout
    while True:
        try:
            if expected <= names_in(path):
                return time.time_ns()
        except (FileNotFoundError, IndexError):
            pass
        if time.time() > deadline:
            raise RuntimeError("names did not appear in %s within %d s" % (path, timeout))
        time.sleep(0.001)


class FirstSeen(threading.Thread):
    """Polls the file (1 ms) and notes when each expected name first shows up, until all have or stop is set."""

    def __init__(self, path, expected, timeout=300):
        super().__init__(daemon=True)
        self.path, self.expected, self.timeout = path, set(expected), timeout
        self.seen = {}
        self.stop = threading.Event()
        self.start()

    def run(self):
        deadline = time.time() + self.timeout
        while not self.stop.is_set() and len(self.seen) < len(self.expected) and time.time() < deadline:
            try:
                present = names_in(self.path)
            except (FileNotFoundError, IndexError):
                present = set()
            now = time.time_ns()
            for name in (self.expected & present) - self.seen.keys():
                self.seen[name] = now
            time.sleep(0.001)


def memory(pids):
    rss = hwm = 0
    for pid in pids:
        try:
            with open("/proc/%d/status" % pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
                    elif line.startswith("VmHWM:"):
                        hwm += int(line.split()[1])
        except FileNotFoundError:
            pass
    return rss // 1024, hwm // 1024


def cpu_seconds(pids):
    """User + system CPU of the processes, with that of the children they have waited for (a shell's docker calls)."""
    ticks = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
        except FileNotFoundError:
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def descendants(pid):
    out = sh("ps", "-o", "pid=", "--ppid", str(pid), check=False).split()
    result = [pid]
    for child in out:
        result.extend(descendants(int(child)))
    return result


def remove_containers(run_id):
    ids = sh("docker", "ps", "-aq", "--filter", "label=bench.run=" + run_id).split()
    for i in range(0, len(ids), 50):
        sh("docker", "rm", "-f", *ids[i:i + 50], check=False)


def churn(run_id, suffix, stop):
    """Another labelled container comes and goes every second while the measured ones start."""
    i = 0
    while not stop.is_set():
        name = "%s-%s-churn-%d" % (PREFIX, run_id, i)
        run_container(run_id, name, "churn-%d.%s" % (i, suffix))
        stop.wait(0.5)
        sh("docker", "rm", "-f", name, check=False)
        stop.wait(0.5)
        i += 1


def latencies(run_id, hosts, suffix, events, key, label, count):
    """Starts count containers one after another: from the start event, and from `docker run -d` returning."""
    from_event, after_run = [], []
    for i in range(count):
        name = "%s-%s-%s-%d" % (PREFIX, run_id, label, i)
        host = "%s-%d.%s" % (label, i, suffix)
        run_container(run_id, name, host)
        returned = time.time_ns()
        seen = wait_names(hosts, {key(name, host)})
        from_event.append((seen - events.wait_for(name)) / 1e6)
        after_run.append(max(0.0, (seen - returned) / 1e6))
    return from_event, after_run


def stats(values, prefix, result):
    values = sorted(values)
    result[prefix + "_median"] = statistics.median(values)
    result[prefix + "_p99"] = values[min(len(values) - 1, int(round(0.99 * len(values))) - 1)]
    result[prefix + "_max"] = values[-1]


def bench(system, start_daemon, writes_of, key):
    run_id = uuid.uuid4().hex[:8]
    suffix = run_id + ".bench.local"
    work = tempfile.mkdtemp(prefix="orodc-bench-")
    hosts = os.path.join(work, "hosts")
    with open(hosts, "w") as f:
        f.write("127.0.0.1 localhost\n")
    events = StartEvents(run_id)
    daemon = start_daemon(hosts, suffix, work)
    result = {"system": system}
    try:
        time.sleep(3)  # started and done with its first reconcile
        result["rss_rest"], result["hwm_rest"] = memory(descendants(daemon.pid))
        result["cpu_start"] = cpu_seconds(descendants(daemon.pid))
        print("%s: at rest, %d MB" % (system, result["rss_rest"]), file=sys.stderr, flush=True)

        try:
            from_event, after_run = latencies(run_id, hosts, suffix, events, key, "lat", LATENCY_COUNT)
            stats(from_event, "lat", result)
            stats(after_run, "run", result)
            print("%s: single starts done, median %.1f ms after docker run" % (system, result["run_median"]),
                  file=sys.stderr, flush=True)

            stop = threading.Event()
            churner = threading.Thread(target=churn, args=(run_id, suffix, stop))
            churner.start()
            try:
                _, churn_after_run = latencies(run_id, hosts, suffix, events, key, "churn-lat", CHURN_COUNT)
            finally:
                stop.set()
                churner.join()
            stats(churn_after_run, "churn", result)

            writes_before = writes_of(work)
            burst_names = ["%s-%s-burst-%d" % (PREFIX, run_id, i) for i in range(BURST_COUNT)]
            burst_hosts = ["burst-%d.%s" % (i, suffix) for i in range(BURST_COUNT)]
            burst_keys = [key(n, h) for n, h in zip(burst_names, burst_hosts)]
            watcher = FirstSeen(hosts, burst_keys)
            began = time.time()
            procs = []
            for name, host in zip(burst_names, burst_hosts):
                procs.append(subprocess.Popen(run_argv(run_id, name, host), stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL))
                while sum(1 for p in procs if p.poll() is None) >= PARALLEL:
                    time.sleep(0.005)
            for p in procs:
                p.wait()
            converged = wait_names(hosts, set(burst_keys), timeout=300)
            last_start = max(events.wait_for(n) for n in burst_names)
            result["burst_seconds"] = time.time() - began
            result["burst_converge_ms"] = (converged - last_start) / 1e6
            watcher.stop.set()
            watcher.join()
            stats([(watcher.seen.get(k, converged) - events.wait_for(n)) / 1e6 for n, k in zip(burst_names, burst_keys)],
                  "burst_name", result)
            time.sleep(2)  # let any trailing write happen before counting
            result["burst_writes"] = writes_of(work) - writes_before
            result["rss_after"], result["hwm_after"] = memory(descendants(daemon.pid))
            result["cpu_workload"] = cpu_seconds(descendants(daemon.pid)) - result["cpu_start"]
            print("%s: burst done, %.1f s CPU over the workload" % (system, result["cpu_workload"]), file=sys.stderr, flush=True)
            result["appended"], result["appended_lost"] = lost_lines(run_id, hosts, suffix, key)
        except RuntimeError as e:
            # a contender that never writes a name is a result too: the rest of the table says what it did until then
            result["failed"] = "%s; the last line it logged: %s" % (e, last_log_line(work))
            result["cpu_workload"] = cpu_seconds(descendants(daemon.pid)) - result["cpu_start"]
            print("%s: %s" % (system, result["failed"]), file=sys.stderr, flush=True)
    finally:
        events.close()
        remove_containers(run_id)
        for pid in reversed(descendants(daemon.pid)):
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        daemon.wait()
        shutil.rmtree(work, ignore_errors=True)
    return result


def last_log_line(work):
    lines = []
    for name in sorted(os.listdir(work)):
        if name.endswith(".log"):
            with open(os.path.join(work, name), errors="replace") as f:
                lines = [line.strip() for line in f if line.strip()] or lines
    return lines[-1] if lines else "(nothing)"


def lost_lines(run_id, hosts, suffix, key):
    """Another program appends a line every 5 ms while containers start and stop: how many lines are lost."""
    stop = threading.Event()
    appended = []

    def append():
        i = 0
        while not stop.is_set():
            line = "10.9.%d.%d appended-%d.example" % (i // 250 % 250, i % 250, i)
            with open(hosts, "a") as f:
                f.write(line + "\n")
            appended.append(line)
            i += 1
            time.sleep(0.005)

    appender = threading.Thread(target=append)
    appender.start()
    try:
        for i in range(CYCLES):
            name = "%s-%s-cycle-%d" % (PREFIX, run_id, i)
            host = "cycle-%d.%s" % (i, suffix)
            run_container(run_id, name, host)
            wait_names(hosts, {key(name, host)})
            sh("docker", "rm", "-f", name)
            deadline = time.time() + 60
            while key(name, host) in names_in(hosts) and time.time() < deadline:
                time.sleep(0.005)
    finally:
        stop.set()
        appender.join()
    with open(hosts, encoding="latin-1") as f:
        present = set(line.strip() for line in f)
    return len(appended), sum(1 for line in appended if line not in present)


def start_orodc(hosts, suffix, work):
    log = open(os.path.join(work, "daemon.log"), "w")
    env = dict(os.environ, ORODC_HOME=work)
    return subprocess.Popen(["java", *JVM, "-cp", JAR, "com.orodc.cli.Main", "proxy-dns-sync", "--verbose", "--hosts-file", hosts,
                             "--suffix", suffix, "--proxy-container", ""], stdout=log, stderr=log, env=env)


def orodc_writes(work):
    with open(os.path.join(work, "daemon.log")) as f:
        return sum(1 for line in f if line.strip().startswith("wrote ") and " to /" in line)


def start_naive(hosts, suffix, work):
    count = os.path.join(work, "writes")
    open(count, "w").close()
    return subprocess.Popen([os.path.join(ROOT, "bench", "hosts-sync", "naive-baseline.sh"), hosts, suffix, count],
                            start_new_session=True)


def naive_writes(work):
    with open(os.path.join(work, "writes")) as f:
        return sum(1 for _ in f)


def start_hoster(hosts, suffix, work):
    log = open(os.path.join(work, "hoster.log"), "w")
    return subprocess.Popen(["python3", "-u", HOSTER, "/var/run/docker.sock", hosts],
                            stdout=log, stderr=log, start_new_session=True)


def hoster_writes(work):
    with open(os.path.join(work, "hoster.log")) as f:
        return sum(1 for line in f if line.startswith("Updating hosts file"))


def start_dns_sync(hosts, suffix, work):
    log = open(os.path.join(work, "dns-sync.log"), "w")
    bind = 'mount --bind "$1" /etc/hosts && exec bash "$2"'
    return subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c", bind, "sh", hosts,
                             ORODC_DNS_SYNC], stdout=log, stderr=log, start_new_session=True)


def dns_sync_writes(work):
    with open(os.path.join(work, "dns-sync.log")) as f:
        return sum(1 for line in f if "Updated /etc/hosts:" in line)


def by_label(name, host):
    return host


def by_container_name(name, host):
    return name


def main():
    if not os.path.exists(JAR):
        sys.exit("build first: ./mvnw -B -o package -DskipTests")
    contenders = [("orodc proxy-dns-sync", start_orodc, orodc_writes, by_label),
                  ("naive: docker events, rewrite per event", start_naive, naive_writes, by_label)]
    if HOSTER:
        # docker-hoster writes container names, not labels: its names are waited for
        contenders.append(("docker-hoster", start_hoster, hoster_writes, by_container_name))
    if ORODC_DNS_SYNC:
        contenders.append(("OroDC dns-sync.sh", start_dns_sync, dns_sync_writes, by_label))
    results = []
    for contender in contenders:
        results.append(bench(*contender))
        report(results)  # what is measured so far survives a run cut short


def report(results):
    day = datetime.date.today().isoformat()
    # RESULTS names another file (a second run the same day keeps the first one's)
    out = os.environ.get("RESULTS") or os.path.join(ROOT, "bench", "results", "hosts-sync-%s.md" % day)
    cpu = sh("nproc").strip()
    docker = sh("docker", "version", "--format", "{{.Server.Version}}").strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    rows = [
        ("latency start event -> name in file, median (ms)", "lat_median", "%.0f"),
        ("latency p99 (ms)", "lat_p99", "%.0f"),
        ("latency max (ms)", "lat_max", "%.0f"),
        ("name in file after `docker run -d` returns, median (ms)", "run_median", "%.0f"),
        ("the same, p99 (ms)", "run_p99", "%.0f"),
        ("the same, max (ms)", "run_max", "%.0f"),
        ("with another labelled container coming and going every second, median (ms)", "churn_median", "%.0f"),
        ("the same, p99 (ms)", "churn_p99", "%.0f"),
        ("the same, max (ms)", "churn_max", "%.0f"),
        ("burst of %d: seconds to start them all" % BURST_COUNT, "burst_seconds", "%.1f"),
        ("burst: converged after the last start (ms)", "burst_converge_ms", "%.0f"),
        ("burst: each name, start event -> in the file, median (ms)", "burst_name_median", "%.0f"),
        ("the same, p99 (ms)", "burst_name_p99", "%.0f"),
        ("the same, max (ms)", "burst_name_max", "%.0f"),
        ("burst: writes of the hosts file", "burst_writes", "%d"),
        ("CPU from start to rest: start-up and first reconcile (s)", "cpu_start", "%.2f"),
        ("CPU over the whole workload: every start, churn, burst and stop (s)", "cpu_workload", "%.2f"),
        ("RSS at rest (MB)", "rss_rest", "%d"),
        ("RSS after the burst (MB)", "rss_after", "%d"),
        ("peak RSS, VmHWM (MB)", "hwm_after", "%d"),
        ("lines appended by another program every 5 ms during %d start/stop cycles" % CYCLES, "appended", "%d"),
        ("of those, lost from the file", "appended_lost", "%d"),
    ]
    with open(out, "w") as f:
        f.write("# Hosts sync benchmark, %s\n\n" % day)
        f.write("Machine: %s cores, Docker Engine %s, %s. Shared with other work while it ran.\n" % (cpu, docker, java))
        f.write("orodc JVM settings: `%s`%s.\n" % (" ".join(JVM), "" if "ORODC_DAEMON_JVM" in os.environ
                                                       else " (those of the installed service)"))
        f.write("Latency: %d containers started one after another (`docker run -d`), from the engine's start event "
                "(timeNano) to the name read in the file (1 ms polling), and from `docker run -d` returning (0 when the "
                "name was already there). Churn: %d more such starts while another labelled container starts and is "
                "removed every second. Burst: %d `docker run -d`, %d at a time.\n"
                "Memory of the naive baseline: its bash loop and `docker events` client together.\n\n"
                % (LATENCY_COUNT, CHURN_COUNT, BURST_COUNT, PARALLEL))
        f.write("| measure | %s |\n|---|%s\n" % (" | ".join(r["system"] for r in results), "---|" * len(results)))
        for label, key, fmt in rows:
            f.write("| %s | %s |\n" % (label, " | ".join(fmt % r[key] if key in r else "-" for r in results)))
        for r in results:
            if "failed" in r:
                f.write("\n%s did not finish the workload: %s\n" % (r["system"], r["failed"]))
        f.write("\nRaw: `%s`\n" % json.dumps(results))
    print(open(out).read(), file=sys.stderr)


if __name__ == "__main__":
    main()
