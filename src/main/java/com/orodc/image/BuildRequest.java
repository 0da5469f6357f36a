package com.orodc.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One build (localName: the image name in the engine or tar, null for the default): what goes in, for which platforms, to where. {@code extraTags} get the same manifest
 * list as the target's tag (publish adds {@code latest}). Source and revision become OCI labels when given.
 */
public record BuildRequest(
        ImageInputs inputs,
        List<Platform> platforms,
        String target,
        String localName,
        List<String> extraTags,
        String source,
        String revision,
        Path cacheDirectory,
        Path workingDirectory,
        Map<String, String> environment) {
}
