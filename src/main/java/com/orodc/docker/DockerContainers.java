package com.orodc.docker;

import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;
import com.orodc.docker.api.EngineResponse;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Running containers with their labels, and the stream of their lifecycle events. */
public final class DockerContainers {
    /** The events after which the set of names may differ, and {@code create}, which announces a start. */
    public static final List<String> LIFECYCLE_ACTIONS =
            List.of("create", "start", "die", "stop", "kill", "destroy", "rename", "pause", "unpause");

    private final EngineHttp http;

    DockerContainers(EngineHttp http) {
        this.http = http;
    }

    /** Containers that are running now; paused ones are left out (they answer nothing). */
    @SuppressWarnings("unchecked")
    public List<RunningContainer> running() {
        List<RunningContainer> result = new ArrayList<>();
        Object list = EngineException.call(() -> http.json("GET", "/containers/json?" + EngineQueries.filters("status", "running"), null));
        for (Object o : list instanceof List<?> l ? l : List.of()) {
            Map<String, Object> c = (Map<String, Object>) o;
            String id = Json.string(c, "Id", "");
            result.add(new RunningContainer(id, nameOf(id, Json.stringList(c, "Names")), Json.strings(c, "Labels")));
        }
        return result;
    }

    /**
     * Calls {@code onEvent} for each container lifecycle event from now on, on a thread of its own, and
     * {@code onEnd} once when the stream ends or fails (the engine went away); not after the result was closed.
     * Returns once the engine has accepted the subscription, so no event after the return is missed.
     */
    public Closeable subscribe(Consumer<ContainerEvent> onEvent, Consumer<Throwable> onEnd) {
        EngineResponse stream = EngineException.call(() -> http.send("GET",
                "/events?" + EngineQueries.filters("type", "container", "event", LIFECYCLE_ACTIONS), null));
        EventStream events = new EventStream(stream, onEvent, onEnd);
        Thread reader = new Thread(events, "docker-events");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static String nameOf(String id, List<String> names) {
        if (names.isEmpty()) {
            return id.substring(0, Math.min(12, id.length()));
        }
        String name = names.get(0);
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static final class EventStream implements Runnable, Closeable {
        private final EngineResponse stream;
        private final Consumer<ContainerEvent> onEvent;
        private final Consumer<Throwable> onEnd;
        private volatile boolean closed;

        EventStream(EngineResponse stream, Consumer<ContainerEvent> onEvent, Consumer<Throwable> onEnd) {
            this.stream = stream;
            this.onEvent = onEvent;
            this.onEnd = onEnd;
        }

        @Override
        public void run() {
            Throwable cause = null;
            try {
                stream.eachJson(event -> {
                    Map<String, Object> actor = Json.object(event, "Actor");
                    Map<String, String> attributes = Json.strings(actor, "Attributes");
                    // "Action" and Actor.ID since API 1.22; "status" and "id" are the older names of the same
                    String action = Json.string(event, "Action", Json.string(event, "status", null));
                    String id = Json.string(actor, "ID", Json.string(event, "id", null));
                    onEvent.accept(new ContainerEvent(action, id, attributes.get("name"), attributes));
                });
            } catch (Exception | Error e) {
                cause = e;
            } finally {
                stream.close();
            }
            if (!closed) {
                onEnd.accept(cause);
            }
        }

        @Override
        public void close() {
            closed = true;
            stream.close();
        }
    }
}
