package com.orodc.image;

import com.orodc.core.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A published checksum file: {@code <sha256>  <file name>} lines, as sha256sum writes them. */
public record ChecksumList(Map<String, String> sums) {

    public static ChecksumList parse(String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length == 2 && Sha256.isHex(parts[0].toLowerCase())) {
                String name = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
                int slash = name.lastIndexOf('/');
                sums.put(slash >= 0 ? name.substring(slash + 1) : name, parts[0].toLowerCase());
            }
        }
        return new ChecksumList(Map.copyOf(sums));
    }

    public Optional<String> sumOf(String fileName) {
        return Optional.ofNullable(sums.get(fileName));
    }
}
