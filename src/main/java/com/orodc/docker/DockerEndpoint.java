package com.orodc.docker;

import java.net.URI;

/** A place where a Docker engine may answer, and which discovery strategy proposed it. */
public record DockerEndpoint(String source, URI uri) {
    @Override
    public String toString() {
        return source + " (" + uri + ")";
    }
}
