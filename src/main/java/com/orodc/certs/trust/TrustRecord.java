package com.orodc.certs.trust;

import com.orodc.core.AtomicFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What orodc added to trust stores ({@code state/trust-record.json}); uninstall removes exactly these entries.
 */
public record TrustRecord(List<TrustEntry> entries) {
    public static final String FILE_NAME = "trust-record.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TrustRecord {
        entries = List.copyOf(entries);
    }

    public static TrustRecord load(Path file) {
        if (!Files.exists(file)) {
            return new TrustRecord(List.of());
        }
        try {
            TrustRecord record = JSON.readValue(file.toFile(), TrustRecord.class);
            return record.entries() == null ? new TrustRecord(List.of()) : record;
        } catch (JsonProcessingException e) {
            throw OrodcException.io(file + " is not a valid trust record (" + e.getOriginalMessage()
                    + "): fix it or move it away (its entries are then no longer removed by --uninstall)", e);
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + file + ": " + e.getMessage() + "; fix its permissions", e);
        }
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, JSON.writeValueAsBytes(this), AtomicFile.WORLD_READABLE);
        } catch (IOException e) {
            throw OrodcException.io("cannot write " + file + ": " + e.getMessage() + "; fix the permissions of "
                    + file.toAbsolutePath().getParent(), e);
        }
    }

    /** This record with {@code entry} added, unless the same store, location and name is already listed. */
    public TrustRecord with(TrustEntry entry) {
        List<TrustEntry> next = new ArrayList<>();
        for (TrustEntry e : entries) {
            if (!e.sameEntry(entry)) {
                next.add(e);
            }
        }
        next.add(entry);
        return new TrustRecord(next);
    }

    public TrustRecord without(TrustEntry entry) {
        return new TrustRecord(entries.stream().filter(e -> !e.sameEntry(entry)).toList());
    }
}
