package com.orodc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Images that play a project's own containers calling the proxy, made from this machine's binaries. */
public final class ClientImages {
    public static final String CURL = "orodc-test/curl:1";
    public static final String STATIC_NSLOOKUP = "orodc-test/static-nslookup:1";
    private static final Path PUBLIC_ROOTS = Path.of("/etc/ssl/certs/ca-certificates.crt");

    private ClientImages() {
    }

    /**
     * Debian's curl with its libraries and the machine's public roots where Debian keeps them, as in a Debian-based
     * image: without more it trusts the public CAs and not ours.
     */
    public static synchronized String curl() {
        Path curl = Path.of("/usr/bin/curl");
        if (!Files.isExecutable(curl) || !Files.isRegularFile(PUBLIC_ROOTS)) {
            throw new AssertionError("curl and the public roots are needed: apt-get install curl ca-certificates");
        }
        return LocalImages.ensure(CURL, root -> {
            LocalImages.copyWithLibraries(curl, root);
            Path roots = root.resolve(PUBLIC_ROOTS.toString().substring(1));
            Files.createDirectories(roots.getParent());
            Files.copy(PUBLIC_ROOTS, roots);
            Files.createDirectories(root.resolve("tmp"));
        }, List.of("--change", "ENTRYPOINT [\"/usr/bin/curl\"]"));
    }

    /** Like a distroless image: one static program and nothing else, no shell; busybox runs as nslookup by its name. */
    public static synchronized String staticNslookup() {
        return LocalImages.ensure(STATIC_NSLOOKUP, root -> Files.copy(HostTools.busybox(), root.resolve("nslookup")),
                List.of("--change", "ENTRYPOINT [\"/nslookup\"]"));
    }
}
