package com.orodc.image;

import com.orodc.core.OrodcException;

import java.nio.file.Path;

/** Where a build goes: {@code docker[:NAME]}, {@code tar:FILE} or {@code REGISTRY/REPO:TAG}. */
public sealed interface ImageTarget {
    String DEFAULT_LOCAL_NAME = "orodc/proxy:local";

    /** The local Docker engine, native platform only. */
    record Docker(String name) implements ImageTarget {
    }

    /** A {@code docker load}-able tar of one platform. */
    record Tar(Path file, String name) implements ImageTarget {
    }

    /** A registry: every platform, then a manifest list under the tag. */
    record Registry(ImageLocation location) implements ImageTarget {
    }

    /** @param localName the image name for docker and tar targets; null for {@link #DEFAULT_LOCAL_NAME} */
    static ImageTarget parse(String text, Path workingDirectory, String localName) {
        String t = text == null ? "docker" : text.strip();
        String name = localName == null || localName.isBlank() ? DEFAULT_LOCAL_NAME : localName.strip();
        ImageLocation.parse(name); // validates
        if (t.equals("docker")) {
            return new Docker(name);
        }
        if (t.startsWith("docker:")) {
            ImageLocation.parse(t.substring(7)); // validates
            return new Docker(t.substring(7));
        }
        if (t.startsWith("tar:")) {
            String file = t.substring(4);
            if (file.isBlank()) {
                throw OrodcException.usage("--to tar: needs a file name, e.g. --to tar:proxy.tar");
            }
            return new Tar(workingDirectory.resolve(file).toAbsolutePath().normalize(), name);
        }
        if (!t.contains("/")) {
            throw OrodcException.usage("--to " + t + " is not docker, docker:NAME, tar:FILE or REGISTRY/REPO:TAG");
        }
        ImageLocation location = ImageLocation.parse(t);
        if (location.digest() != null) {
            throw OrodcException.usage("--to " + t + " names a digest; push to a tag such as " + location.registry() + "/" + location.repository() + ":1.0");
        }
        return new Registry(location.tag() == null ? location.withTag("latest") : location);
    }
}
