package com.orodc.docker;

import com.orodc.docker.api.EngineHttp;
import com.orodc.docker.api.EngineHttpException;
import com.orodc.testing.LocalImages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Busybox containers with labels, named with the test prefix and labelled orodc.test=true;
 * {@link #close()} removes every one of them.
 */
public final class LabelledContainers implements AutoCloseable {
    public static final String PREFIX = "orodc-t-hosts";

    private final DockerEngine engine = DockerConnector.connect(System.getenv());
    private final EngineHttp docker = engine.http();
    private final List<String> created = new ArrayList<>();
    private final String image = LocalImages.busybox();

    public static String randomSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public EngineHttp client() {
        return docker;
    }

    /** Starts {@code sleep} in a new container; returns its name. */
    public String start(String role, Map<String, String> labels) {
        return start(role, labels, List.of("sleep", "3600"));
    }

    /** Starts {@code command} in a new container; returns its name. */
    public String start(String role, Map<String, String> labels, List<String> command) {
        String name = PREFIX + "-" + role + "-" + randomSuffix();
        Map<String, String> all = new HashMap<>(labels);
        all.put("orodc.test", "true");
        synchronized (created) {
            created.add(name);
        }
        String id = (String) docker.object("POST", "/containers/create?name=" + name,
                Map.of("Image", image, "Labels", all, "Cmd", command)).get("Id");
        docker.json("POST", "/containers/" + id + "/start", null);
        return name;
    }

    /** Starts {@code count} containers at once from {@code threads} threads; returns their names. */
    public List<String> startMany(int count, int threads, IntFunction<Map<String, String>> labels) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> start("burst", labels.apply(n))));
            }
            List<String> names = new ArrayList<>();
            for (Future<String> f : futures) {
                names.add(f.get(120, TimeUnit.SECONDS));
            }
            return names;
        } finally {
            pool.shutdownNow();
        }
    }

    public void kill(String name) {
        docker.json("POST", "/containers/" + name + "/kill", null);
    }

    public void remove(String name) {
        try {
            docker.json("DELETE", "/containers/" + name + "?force=true", null);
        } catch (EngineHttpException e) {
            if (e.status() != 404) {
                throw e;
            }
            // already gone
        }
    }

    @Override
    public void close() throws Exception {
        List<String> names;
        synchronized (created) {
            names = new ArrayList<>(created);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (String name : names) {
            pool.submit(() -> remove(name));
        }
        pool.shutdown();
        pool.awaitTermination(120, TimeUnit.SECONDS);
        engine.close();
    }
}
