package com.orodc.image;

import java.io.InputStream;
import java.util.List;

/**
 * The local container engine as the image build needs it, for a {@code docker:} target. The build does not
 * know how the engine is reached; the caller that connects to it provides this view.
 */
public interface LocalEngine {
    /** An image the engine has: its id, size in bytes, and the diff ids of its layers, base first. */
    record Image(String id, long size, List<String> diffIds) {
        public Image {
            diffIds = List.copyOf(diffIds);
        }
    }

    /** Loads a {@code docker save} tar stream; returns when the engine has read all of it. */
    void load(InputStream tar);

    /** The image as a {@code docker save} tar stream; the caller closes it. */
    InputStream save(String image);

    /** The image by name or id; fails when the engine does not have it. */
    Image inspect(String image);
}
