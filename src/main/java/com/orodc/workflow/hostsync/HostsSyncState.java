package com.orodc.workflow.hostsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the daemon last did, for {@code proxy-dns-setup --status}: when it last synced, which names
 * (and from which container), the errors of that sync, and its process id.
 */
public record HostsSyncState(long pid, String lastSync, String hostsFile, Map<String, String> names, List<String> errors) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static HostsSyncState now(String hostsFile, Map<String, String> names, List<String> errors) {
        return new HostsSyncState(ProcessHandle.current().pid(), Instant.now().toString(), hostsFile, names, errors);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                JSON.writeValue(temp.toFile(), this);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw OrodcException.io("cannot write " + file + ": " + e.getMessage() + "; check that ORODC_HOME is writable", e);
        }
    }

    public static Optional<HostsSyncState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), HostsSyncState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
