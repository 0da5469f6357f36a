package com.orodc.hosts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The concurrency tests every hosts file gets, /etc/hosts and the Windows one alike. */
final class HostsFileTorture {
    private HostsFileTorture() {
    }

    /** Another program appends {@code lines} lines ending in {@code lineEnd} while {@code writer} writes; returns those lost. */
    static List<String> appendWhileWriting(Path hosts, HostsFileWriter writer, int lines, String lineEnd) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread appender = new Thread(() -> {
            try {
                for (int i = 0; i < lines; i++) {
                    Files.writeString(hosts, line(i) + lineEnd, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
                    // thousands of lines a second: far busier than any tool adding its entries
                    LockSupport.parkNanos(200_000);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        appender.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; appender.isAlive() && System.nanoTime() < deadline; i++) {
            writer.write(i % 2 == 0 ? block("a.docker.local", "b.docker.local") : block("c.docker.local"));
        }
        appender.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(failure.get()).isNull();
        writer.write(block("final.docker.local"));
        String content = Files.readString(hosts, StandardCharsets.ISO_8859_1);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            if (!content.contains(line(i) + lineEnd)) {
                missing.add("appended-" + i);
            }
        }
        return missing;
    }

    /** Four threads with a writer each, 100 writes apiece; fails when one of them threw. */
    static void writeFromManyThreads(Supplier<HostsFileWriter> writers) throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            HostsFileWriter own = writers.get();
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        own.write(block("t" + id + "-" + i + ".docker.local", "shared.docker.local"));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(failure.get()).isNull();
    }

    private static String line(int i) {
        return "10.1.0." + (i % 250) + " appended-" + i + ".example";
    }

    private static HostsBlock block(String... names) {
        return HostsBlock.of(List.of(names), HostsBlock.IPV4_AND_IPV6);
    }
}
