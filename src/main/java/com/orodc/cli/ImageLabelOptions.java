package com.orodc.cli;

import picocli.CommandLine.Option;

/** The OCI labels CI sets on a published image; shared by proxy-image build and publish. */
public class ImageLabelOptions {
    @Option(names = "--label-source", paramLabel = "URL", description = "org.opencontainers.image.source label.")
    String source;

    @Option(names = "--label-revision", paramLabel = "SHA", description = "org.opencontainers.image.revision label.")
    String revision;
}
