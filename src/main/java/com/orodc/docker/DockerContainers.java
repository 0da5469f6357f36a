package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Running containers with their labels, and the stream of their lifecycle events. */
public final class DockerContainers {
    /** The events after which the set of names may differ, and {@code create}, which announces a start. */
    public static final List<String> LIFECYCLE_ACTIONS =
            List.of("create", "start", "die", "stop", "kill", "destroy", "rename", "pause", "unpause");

    private final DockerClient client;

    DockerContainers(DockerClient client) {
        this.client = client;
    }

    /** Containers that are running now; paused ones are left out (they answer nothing). */
    public List<RunningContainer> running() {
        List<RunningContainer> result = new ArrayList<>();
        for (Container c : EngineException.call(() -> client.listContainersCmd().withStatusFilter(List.of("running")).exec())) {
            result.add(new RunningContainer(c.getId(), nameOf(c), c.getLabels()));
        }
        return result;
    }

    /**
     * Calls {@code onEvent} for each container lifecycle event from now on, on the client's thread, and
     * {@code onEnd} once when the stream ends or fails (the engine went away). Close the result to stop.
     */
    public Closeable subscribe(Consumer<ContainerEvent> onEvent, Consumer<Throwable> onEnd) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            private volatile boolean ended;

            @Override
            public void onNext(Event event) {
                Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
                String name = attributes == null ? null : attributes.get("name");
                onEvent.accept(new ContainerEvent(event.getAction(), event.getId(), name, attributes));
            }

            @Override
            public void onError(Throwable throwable) {
                end(throwable);
                // not super.onError: it logs the whole stack trace, while onEnd already tells what happened
                try {
                    close();
                } catch (IOException ignored) {
                    // the stream is gone either way
                }
            }

            @Override
            public void onComplete() {
                end(null);
                super.onComplete();
            }

            private void end(Throwable cause) {
                if (!ended) {
                    ended = true;
                    onEnd.accept(cause);
                }
            }
        };
        return client.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(LIFECYCLE_ACTIONS.toArray(String[]::new))
                .exec(callback);
    }

    private static String nameOf(Container c) {
        String[] names = c.getNames();
        if (names == null || names.length == 0) {
            return c.getId().substring(0, Math.min(12, c.getId().length()));
        }
        String name = names[0];
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
