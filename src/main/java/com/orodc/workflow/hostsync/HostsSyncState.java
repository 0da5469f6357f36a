package com.orodc.workflow.hostsync;

import com.orodc.core.OrodcException;
import com.orodc.core.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the daemon last did, for {@code proxy-dns-setup --status}: when it last synced, which names
 * (and from which container), the errors of that sync, and its process id.
 */
public record HostsSyncState(long pid, String lastSync, String hostsFile, Map<String, String> names, List<String> errors) {
    public static HostsSyncState now(String hostsFile, Map<String, String> names, List<String> errors) {
        return new HostsSyncState(ProcessHandle.current().pid(), Instant.now().toString(), hostsFile, names, errors);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temp, Json.writePretty(toJson()), StandardCharsets.UTF_8);
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
            Map<String, Object> o = Json.parseObject(Files.readString(file));
            Map<String, String> names = o.get("names") == null ? null : Json.strings(o, "names");
            List<String> errors = o.get("errors") == null ? null : Json.stringList(o, "errors");
            return Optional.of(new HostsSyncState(Json.number(o, "pid", 0), Json.string(o, "lastSync", null),
                    Json.string(o, "hostsFile", null), names, errors));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The members in the order of the record's components, as earlier versions wrote them. */
    private Map<String, Object> toJson() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("pid", pid);
        o.put("lastSync", lastSync);
        o.put("hostsFile", hostsFile);
        o.put("names", names == null ? null : new LinkedHashMap<>(names));
        o.put("errors", errors == null ? null : new ArrayList<>(errors));
        return o;
    }
}
