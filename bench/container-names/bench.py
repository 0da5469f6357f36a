#!/usr/bin/env python3
"""Names inside the Docker network: how soon a project's container resolves a new project's name to the proxy.

Installs the proxy (ORODC_PROXY_IMAGE, default the stand-in test image; any IT run builds it) with its own
ORODC_HOME and free ports, runs `orodc proxy-dns-sync` against a temporary hosts file, and measures:
- for SAMPLES containers started one after another (each with a new orodc.dns.hostname), the time from
  `docker run -d` returning to the name resolving in the network namespace of a client container on
  dc_shared_net (DNS queries to Docker's resolver there, each waiting at most 50 ms, and how many it left
  unanswered);
- the re-attaches each change costs and how long the proxy is unreachable on dc_shared_net during one
  (TCP connects from this machine to the proxy's address there, every millisecond);
- whether a TLS connection made to the published HTTPS port before the first change still answers after ten.
Writes bench/results/container-names-<date>.md. Needs docker, the packaged application (./mvnw package),
openssl, nsenter (util-linux), and the busybox test image. Run as root (the daemon only writes the temporary file; root is for docker).
Every container it starts is labelled orodc.test=true and removed; the proxy is uninstalled at the end
(the networks stay, as after any uninstall without --purge).
"""
import datetime
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "target", "quarkus-app", "orodc.jar")
BUSYBOX = "orodc-test/busybox:1"
IMAGE = os.environ.get("ORODC_PROXY_IMAGE", "orodc-test/proxy-standin:2")
SAMPLES = int(os.environ.get("SAMPLES", "50"))
# the stand-in's web server drops a connection idle for a minute: the TLS connection is asked well before
TLS_AFTER = min(SAMPLES, 10)
NETWORK = "dc_shared_net"


def sh(*cmd, check=True):
    return subprocess.run(cmd, check=check, capture_output=True, text=True).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def proxy_address():
    return sh("docker", "inspect", "--format",
              '{{range $n, $e := .NetworkSettings.Networks}}{{if eq $n "' + NETWORK + '"}}{{$e.IPAddress}}{{end}}{{end}}',
              "proxy").strip()


NOTES = """Each new name re-attaches the proxy to dc_shared_net (the engine sets aliases only then); the published
ports are on dc_proxy_ports and are not touched. While the endpoint is re-attached, new connections from the
projects to the proxy fail for the time in the table, and Docker's resolver may leave a query unanswered: an
application's resolver then asks again after its own timeout (busybox's nslookup after 2 s, glibc after 5 s
by default), which is the one stall a project's container can see. Later changes within a second are applied
together, so a burst of projects costs about one re-attach a second (ProxyNamesInNetworkIT counts them)."""


class Outage:
    """Connects to the proxy's address on dc_shared_net every millisecond; records the windows that failed."""

    def __init__(self, address):
        self.address = address
        self.windows = []
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        down_since = None
        while not self.stop:
            try:
                with socket.create_connection((self.address, 80), timeout=0.2):
                    pass
                if down_since is not None:
                    self.windows.append(time.monotonic() - down_since)
                    down_since = None
            except OSError:
                if down_since is None:
                    down_since = time.monotonic()
            time.sleep(0.001)


# Runs inside the client's network namespace (nsenter): asks Docker's resolver for one name over and over, each
# query with its own 50 ms wait, and prints the clock when the name has an address; counts the queries the
# resolver never answered (an application's resolver waits seconds for such an answer before it retries).
POLLER = r"""
import os, socket, struct, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.05)
lost = 0
qid = 0
for line in sys.stdin:
    name = line.strip()
    if not name:
        break
    query_name = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    while True:
        qid = (qid + 1) & 0xFFFF
        s.sendto(struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + query_name + struct.pack(">HH", 1, 1), ("127.0.0.11", 53))
        try:
            reply = s.recv(4096)
            while struct.unpack(">H", reply[:2])[0] != qid:
                reply = s.recv(4096)
        except socket.timeout:
            lost += 1
            continue
        if reply[3] & 0x0F == 0 and struct.unpack(">H", reply[6:8])[0] > 0:
            print(time.time_ns(), flush=True)
            break
        time.sleep(0.005)
print("lost", lost, flush=True)
"""


class Poller:
    def __init__(self, container):
        pid = sh("docker", "inspect", "--format", "{{.State.Pid}}", container).strip()
        self.proc = subprocess.Popen(["nsenter", "-t", pid, "-n", sys.executable, "-u", "-c", POLLER],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def watch(self, name):
        self.proc.stdin.write(name + "\n")
        self.proc.stdin.flush()

    def resolved_at(self, name):
        line = self.proc.stdout.readline().strip()
        if not line.isdigit():
            raise RuntimeError("the poller stopped before " + name + " resolved: " + line)
        return int(line)

    def close(self):
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        out = self.proc.stdout.readline().split()
        self.proc.wait(10)
        return int(out[1]) if len(out) == 2 and out[0] == "lost" else -1


def answers_after(tls):
    """Whether the TLS connection opened at the start still answers a request."""
    try:
        tls.stdin.write(b"GET / HTTP/1.0\r\nHost: proxy.docker.local\r\n\r\n")
        tls.stdin.flush()
        answer, _ = tls.communicate(timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        tls.kill()
        return False
    return answer.startswith(b"HTTP/1.")


def main():
    if sh("docker", "image", "ls", "-q", BUSYBOX).strip() == "" or sh("docker", "image", "ls", "-q", IMAGE).strip() == "":
        sys.exit("needs the images " + BUSYBOX + " and " + IMAGE + ": run the ITs once (./mvnw verify) to build them")
    if not os.path.exists(JAR):
        sys.exit("needs the packaged application: ./mvnw -B -DskipTests package")
    if sh("docker", "ps", "-aq", "--filter", "name=^proxy$").strip():
        sys.exit("a container named proxy exists: this bench installs its own; remove it first")
    home = tempfile.mkdtemp(prefix="orodc-bench-names-")
    env = dict(os.environ, ORODC_HOME=home, ORODC_PROXY_IMAGE=IMAGE, TRAEFIK_BIND_PORT=str(free_port()),
               TRAEFIK_HTTPS_BIND_PORT=str(free_port()))
    orodc = ["java", "-jar", JAR]
    run_id = uuid.uuid4().hex[:8]
    started = []
    client = "orodc-t-bench-client-" + run_id
    daemon = None
    try:
        subprocess.run(orodc + ["install-proxy"], env=env, check=True, capture_output=True)
        hosts = os.path.join(home, "hosts")
        with open(hosts, "w") as f:
            f.write("127.0.0.1 localhost\n")
        daemon = subprocess.Popen(orodc + ["proxy-dns-sync", "--hosts-file", hosts, "--verbose"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        log = []
        threading.Thread(target=lambda: log.extend(daemon.stderr), daemon=True).start()
        sh("docker", "run", "-d", "--name", client, "--network", NETWORK, "--label", "orodc.test=true", BUSYBOX, "sleep", "3600")
        time.sleep(2)

        # a TLS connection to the published port, made before anything changes
        tls = subprocess.Popen(["openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + env["TRAEFIK_HTTPS_BIND_PORT"],
                                "-servername", "proxy.docker.local"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
        time.sleep(1)
        outage = Outage(proxy_address())

        latencies = []
        poller = Poller(client)
        for i in range(SAMPLES):
            name = "bench%d-%s.docker.local" % (i, run_id)
            poller.watch(name)
            cname = "orodc-t-bench-" + run_id + "-" + str(i)
            started.append(cname)
            sh("docker", "run", "-d", "--name", cname, "--label", "orodc.test=true", "--label", "orodc.dns.hostname=" + name,
               BUSYBOX, "sleep", "3600")
            returned = time.time_ns()
            latencies.append(max(0, poller.resolved_at(name) - returned) / 1e6)
            time.sleep(1.2)  # past the re-attach gap: every sample is a first change
            if i == TLS_AFTER - 1:
                survived = answers_after(tls)
        lost = poller.close()
        outage.stop = True
        outage.thread.join()

        reattaches = sum(1 for line in log if "network aliases of proxy" in line and "wrote" in line)

        windows_ms = [w * 1000 for w in outage.windows] or [0.0]
        load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
        report = ["# Names inside dc_shared_net, %s" % datetime.date.today().isoformat(), "",
                  "Proxy image `%s`; `orodc proxy-dns-sync` from the packaged jar; load average at the end %s; %d samples."
                  % (IMAGE, " ".join(load), SAMPLES), "",
                  "| what | value |", "|---|---|",
                  "| name resolves in a project container after `docker run -d` returns, p50 | %.0f ms |" % statistics.median(latencies),
                  "| the same, p99 / max | %.0f ms / %.0f ms |" % (pct(latencies, 99), max(latencies)),
                  "| re-attaches of the proxy to dc_shared_net | %d for %d new names |" % (reattaches, SAMPLES),
                  "| proxy unreachable on dc_shared_net during a re-attach, median / max | %.0f ms / %.0f ms (%d windows) |"
                  % (statistics.median(windows_ms), max(windows_ms), len(outage.windows)),
                  "| DNS queries Docker's resolver left unanswered (50 ms each) while the names changed | %d |" % lost,
                  "| TLS connection to the published port made before, answers after %d re-attaches | %s |" % (TLS_AFTER, "yes" if survived else "NO"),
                  "", NOTES, ""]
        out_file = os.path.join(ROOT, "bench", "results", "container-names-%s.md" % datetime.date.today().isoformat())
        with open(out_file, "w") as f:
            f.write("\n".join(report))
        print("\n".join(report))
    finally:
        if daemon:
            daemon.terminate()
            daemon.wait(10)
        for c in started + [client]:
            subprocess.run(["docker", "rm", "-f", c], capture_output=True)
        # not --purge: that would also take this machine's own hosts-sync service and /etc/hosts block
        subprocess.run(orodc + ["uninstall-proxy"], env=env, capture_output=True)
        subprocess.run(["rm", "-rf", home])


if __name__ == "__main__":
    main()
