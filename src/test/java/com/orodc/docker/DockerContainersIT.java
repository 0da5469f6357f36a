package com.orodc.docker;

import com.orodc.core.OrodcException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerContainersIT {
    private final LabelledContainers containers = new LabelledContainers();

    @AfterEach
    void removeContainers() throws Exception {
        containers.close();
    }

    @Test
    void runningContainersComeWithNameAndLabels() {
        String name = containers.start("list", Map.of("orodc.dns.hostname", "x.docker.local"));
        List<RunningContainer> running = new DockerContainers(containers.client()).running();
        assertThat(running).filteredOn(c -> c.name().equals(name)).singleElement()
                .satisfies(c -> assertThat(c.labels()).containsEntry("orodc.dns.hostname", "x.docker.local"));
    }

    @Test
    void lifecycleEventsArriveWithTheContainerName() throws Exception {
        BlockingQueue<ContainerEvent> events = new LinkedBlockingQueue<>();
        try (Closeable ignored = new DockerContainers(containers.client()).subscribe(events::add, e -> { })) {
            Thread.sleep(200); // the subscription is open once the engine has answered
            String name = containers.start("events", Map.of());
            containers.kill(name);
            ContainerEvent start = poll(events, name, "start");
            assertThat(start.id()).isNotBlank();
            // the labels travel with the event: the daemon skips containers without names on that basis
            assertThat(start.attributes()).containsEntry("orodc.test", "true");
            assertThat(poll(events, name, "die")).isNotNull();
        }
    }

    @Test
    void execReturnsOutputAndReportsFailures() {
        String name = containers.start("exec", Map.of());
        ContainerExec exec = new ContainerExec(containers.client());
        assertThat(exec.run(name, List.of("sh", "-c", "echo hello; echo oops >&2"))).isEqualTo("hello\n");
        assertThatThrownBy(() -> exec.run(name, List.of("sh", "-c", "echo broken >&2; exit 3")))
                .isInstanceOf(OrodcException.class).hasMessageContaining("exit 3").hasMessageContaining("broken");
    }

    private static ContainerEvent poll(BlockingQueue<ContainerEvent> events, String name, String action) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ContainerEvent e = events.poll(1, TimeUnit.SECONDS);
            if (e != null && name.equals(e.name()) && action.equals(e.action())) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " event for " + name);
    }
}
