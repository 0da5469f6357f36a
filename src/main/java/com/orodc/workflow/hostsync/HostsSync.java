package com.orodc.workflow.hostsync;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerEvent;
import com.orodc.docker.DockerConnector;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import com.orodc.hosts.ContainerHostNames;
import com.orodc.hosts.HostsFileWriter;
import com.orodc.workflow.ProxySpecs;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hosts sync daemon: a full reconcile when it connects (and after every reconnect), then Docker
 * events batched into reconciles. Each reconcile computes the names of the running containers and hands
 * them to every sink; a sink writes only when its content changes.
 */
public final class HostsSync implements AutoCloseable {
    private final HostsSyncRequest request;
    private final Supplier<DockerEngine> connector;
    private final Reporter reporter;
    private final HostsSyncNames namesOfContainers;
    private final List<HostsSyncSink> sinks = new ArrayList<>();
    private final HostsSyncSchedule schedule;
    private final Object signal = new Object();
    private final Map<String, String> lastErrorBySink = new HashMap<>();

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reconciles = new AtomicLong();
    private final AtomicLong hostsFileWrites = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();

    private volatile boolean closed;
    private volatile Thread runner;
    private boolean streamEnded; // guarded by signal
    /**
     * The running containers as the events since the last list tell them (guarded by signal): a start
     * brings the container's labels, so its names are written without asking the engine; null until the
     * first list of a connection, and after an event it cannot follow (rename, pause).
     */
    private Map<String, RunningContainer> known;
    /** The running containers from the events of the batch about to run, or null when they must be listed. */
    private List<RunningContainer> fromEvents;
    private boolean listing; // guarded by signal: a list is under way, events now may or may not be in it
    /**
     * The events seen while a list was under way, in order (guarded by signal): followed again on top of the
     * list once it is back. Dropping what the events told instead made every batch list again while events kept
     * coming, and a list under a burst takes hundreds of milliseconds.
     */
    private final List<ContainerEvent> duringList = new ArrayList<>();
    private final HostsFileWriter hostsFile;
    private HostsSyncAliasSink aliases;
    private SortedMap<String, String> current;
    private ExitCode firstFailure = ExitCode.OK;

    public HostsSync(HostsSyncRequest request, Reporter reporter) {
        this(request, () -> DockerConnector.connect(request.environment()), reporter);
    }

    public HostsSync(HostsSyncRequest request, Supplier<DockerEngine> connector, Reporter reporter) {
        this.request = request;
        this.connector = connector;
        this.reporter = reporter;
        this.namesOfContainers = new HostsSyncNames(AllowedNames.under(request.suffixes()), reporter);
        this.schedule = new HostsSyncSchedule(request.timing());
        this.hostsFile = new HostsFileWriter(request.hostsFile(), reporter);
        sinks.add(new HostsSyncFileSink(hostsFile, request.ipv4Only()));
        request.proxyContainer().ifPresent(name -> {
            // the aliases before the proxy's own /etc/hosts, which takes two execs: the projects' containers
            // ask for names more often than a browser through SOCKS5 does
            aliases = new HostsSyncAliasSink(name, ProxySpecs.NETWORK, ProxySpecs.PORTS_NETWORK, request.suffixes());
            sinks.add(aliases);
            sinks.add(new HostsSyncProxySink(name));
        });
        request.windowsHostsFile().ifPresent(file -> sinks.add(
                new HostsSyncWindowsSink(new HostsFileWriter(file, request.windowsHostsOptions(), reporter))));
    }

    /**
     * The names of one reconcile, each with its container, the errors of the sinks that failed, and the exit code
     * of the first failure (OK when none): a hosts file that cannot be read or written is IO, as for every command.
     */
    public record Outcome(SortedMap<String, String> names, List<String> errors, ExitCode exitCode) {
    }

    /** One reconcile and return. */
    public Outcome once() {
        DockerEngine client = connect();
        try {
            List<String> errors = reconcile(client);
            return new Outcome(new TreeMap<>(current), errors, errors.isEmpty() ? ExitCode.OK : firstFailure);
        } finally {
            closeQuietly(client);
        }
    }

    /** Runs until {@link #close()}: reconnecting with backoff whenever the engine goes away. */
    public void run() {
        runner = Thread.currentThread();
        Duration backoff = null;
        long downSince = 0;
        boolean announcedDown = false;
        while (!closed) {
            DockerEngine client = null;
            Closeable subscription = null;
            try {
                client = connect();
                synchronized (signal) {
                    streamEnded = false;
                }
                // subscribe before listing: an event during the list causes one more reconcile, never a miss
                subscription = client.containers().subscribe(this::onEvent, this::onStreamEnd);
                if (connects.incrementAndGet() > 1 || announcedDown) {
                    reporter.info("connected to Docker at " + DockerConnector.endpoint(request.environment()) + " again: full reconcile");
                }
                reconcile(client);
                backoff = null;
                announcedDown = false;
                while (!closed) {
                    if (!awaitWork()) {
                        break;
                    }
                    reconcile(client);
                }
            } catch (RuntimeException e) {
                if (closed) {
                    break;
                }
                Throwable why = e instanceof OrodcException && e.getCause() != null ? e.getCause() : e;
                if (!announcedDown) {
                    downSince = System.nanoTime();
                }
                backoff = HostsSyncSchedule.reconnectDelay(backoff, Duration.ofNanos(System.nanoTime() - downSince), request.timing());
                String message = "Docker at " + DockerConnector.endpoint(request.environment()) + " is not reachable ("
                        + oneLine(why) + "); retrying in " + backoff.toMillis() + " ms";
                // said once per outage; the retries are for --verbose
                if (announcedDown) {
                    reporter.debug(message);
                } else {
                    reporter.warn(message);
                }
                announcedDown = true;
                sleep(backoff.toMillis());
            } finally {
                closeQuietly(subscription);
                closeQuietly(client);
            }
        }
    }

    /** Runs {@link #run()} on a daemon thread of its own. */
    public Thread start() {
        Thread thread = new Thread(this::run, "hosts-sync");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops the loop; the hosts file keeps the last names written. */
    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        Thread thread = runner;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(3_000); // a write under way finishes; a shutdown is not held up longer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Stats stats() {
        return new Stats(events.get(), reconciles.get(), hostsFileWrites.get(), connects.get(),
                aliases == null ? 0 : aliases.reconnects());
    }

    /**
     * Counters since start: events received, reconciles run, writes of the hosts file, connections made, and the
     * re-attachments of the proxy to the shared network that changed its names there.
     */
    public record Stats(long events, long reconciles, long hostsFileWrites, long connects, long aliasReconnects) {
    }

    private DockerEngine connect() {
        DockerEngine client;
        try {
            client = connector.get();
            client.ping();
        } catch (RuntimeException e) {
            throw new OrodcException(ExitCode.DOCKER_UNREACHABLE, "cannot reach Docker at "
                    + DockerConnector.endpoint(request.environment()) + ": " + oneLine(e)
                    + "; start Docker or set DOCKER_HOST", e);
        }
        return client;
    }

    private void onEvent(ContainerEvent event) {
        if (!mayChangeNames(event)) {
            return;
        }
        // a created container has no names until it starts, and a killed one keeps them until it dies
        if (event.action().equals("create") || event.action().equals("kill")) {
            return;
        }
        synchronized (signal) {
            events.incrementAndGet();
            follow(event);
            schedule.event(System.nanoTime());
            signal.notifyAll();
        }
    }

    private void follow(ContainerEvent event) {
        if (listing) {
            duringList.add(event);
        } else {
            known = followed(known, event);
        }
    }

    /** The running containers after the event, or null when it cannot be followed without a list. */
    private static Map<String, RunningContainer> followed(Map<String, RunningContainer> running, ContainerEvent event) {
        if (running == null || event.id() == null) {
            return running;
        }
        switch (event.action()) {
            case "start" -> {
                if (event.attributes().isEmpty()) {
                    return null;
                }
                Map<String, String> labels = new HashMap<>(event.attributes());
                // the engine adds these beside the labels
                labels.remove("image");
                labels.remove("name");
                running.put(event.id(), new RunningContainer(event.id(), event.name(), labels));
                return running;
            }
            case "die", "stop", "destroy" -> {
                running.remove(event.id());
                return running;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Only containers with our labels have names, and labels never change: the events of other containers
     * (builds, test runs, other tools) neither trigger nor delay a reconcile. The proxy container's own
     * start matters (its /etc/hosts is new); an event without attributes is taken as relevant.
     */
    private boolean mayChangeNames(ContainerEvent event) {
        Map<String, String> attributes = event.attributes();
        if (attributes.isEmpty() || attributes.containsKey(ContainerHostNames.HOSTNAME_LABEL)
                || ContainerHostNames.isEnabled(attributes.get("traefik.enable"))) {
            return true;
        }
        return request.proxyContainer().map(name -> name.equals(event.name())).orElse(false);
    }

    private void onStreamEnd(Throwable cause) {
        synchronized (signal) {
            streamEnded = true;
            signal.notifyAll();
        }
    }

    /** Waits until a batch is due (true), or the loop must reconnect (exception) or stop (false). */
    private boolean awaitWork() {
        synchronized (signal) {
            while (!closed) {
                if (streamEnded) {
                    throw new OrodcException(ExitCode.DOCKER_UNREACHABLE, "the Docker event stream ended");
                }
                long due = Math.min(schedule.dueAt(), sinks.stream().mapToLong(HostsSyncSink::retryAt).min().orElse(HostsSyncSchedule.NONE));
                long now = System.nanoTime();
                if (due != HostsSyncSchedule.NONE && due <= now) {
                    // events alone can be followed without asking the engine; only a batch that lists is confirmed later
                    boolean answersEvents = schedule.take(now);
                    fromEvents = answersEvents && known != null ? List.copyOf(known.values()) : null;
                    if (fromEvents != null) {
                        schedule.noFollowUp();
                    }
                    return true;
                }
                long waitMillis = due == HostsSyncSchedule.NONE ? 60_000 : (due - now + 999_999) / 1_000_000;
                try {
                    signal.wait(Math.max(1, waitMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    private List<String> reconcile(DockerEngine client) {
        List<RunningContainer> running = fromEvents;
        fromEvents = null;
        if (running == null) {
            synchronized (signal) {
                listing = true;
                duringList.clear();
            }
            List<RunningContainer> listed = null;
            try {
                listed = client.containers().running();
            } finally {
                synchronized (signal) {
                    listing = false;
                    if (listed != null) {
                        // an event during the list may or may not be in it: starts and deaths, followed again in
                        // their order, come out the same either way; the batch they started uses the result
                        Map<String, RunningContainer> byId = new HashMap<>();
                        for (RunningContainer c : listed) {
                            byId.put(c.id(), c);
                        }
                        for (ContainerEvent event : duringList) {
                            byId = followed(byId, event);
                        }
                        known = byId;
                    }
                    duringList.clear();
                }
            }
            running = listed;
        }
        SortedMap<String, String> desired = namesOfContainers.of(running);
        reconciles.incrementAndGet();
        if (current == null) {
            current = namesAlreadyInFile();
        }
        List<String> errors = new ArrayList<>();
        firstFailure = ExitCode.OK;
        for (HostsSyncSink sink : sinks) {
            try {
                if (sink.apply(new TreeSet<>(desired.keySet()), running, client)) {
                    if (sink instanceof HostsSyncFileSink) {
                        hostsFileWrites.incrementAndGet();
                        synchronized (signal) {
                            schedule.wrote(System.nanoTime());
                        }
                    }
                    reporter.debug("wrote " + desired.size() + " names to " + sink.describe());
                }
                if (lastErrorBySink.remove(sink.describe()) != null) {
                    reporter.info(sink.describe() + " is up to date again");
                }
            } catch (RuntimeException e) {
                String message = oneLine(e);
                errors.add(message);
                if (firstFailure == ExitCode.OK) {
                    firstFailure = e instanceof OrodcException oe ? oe.exitCode() : ExitCode.FAILURE;
                }
                if (!message.equals(lastErrorBySink.put(sink.describe(), message))) {
                    reporter.error(message);
                }
            }
        }
        // logged once written, so that a line means the name is in the file
        for (Map.Entry<String, String> e : desired.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                reporter.info("+ " + e.getKey() + " (" + e.getValue() + ")");
            }
        }
        for (String name : current.keySet()) {
            if (!desired.containsKey(name)) {
                reporter.info("- " + name);
            }
        }
        current = desired;
        try {
            HostsSyncState.now(request.hostsFile().toString(), desired, errors).write(request.stateFile());
        } catch (OrodcException e) {
            reporter.debug(e.getMessage());
        }
        return errors;
    }

    /** What an earlier run left in the file, so that the first reconcile logs what it removes. */
    private SortedMap<String, String> namesAlreadyInFile() {
        SortedMap<String, String> names = new TreeMap<>();
        try {
            hostsFile.read().blockNames().forEach(name -> names.put(name, "earlier run"));
        } catch (RuntimeException e) {
            // a missing or malformed file is reported by the sink that writes it
        }
        return names;
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        synchronized (signal) {
            long left;
            while (!closed && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private static String oneLine(Throwable e) {
        if (e instanceof OrodcException && e.getMessage() != null) {
            return e.getMessage().lines().findFirst().orElse("");
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(t.getClass().getSimpleName());
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a broken connection may fail; it is gone either way
            }
        }
    }
}
