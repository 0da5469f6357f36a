package com.orodc.workflow.certs;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.RootSource;
import com.orodc.core.AtomicFile;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code export-proxy-cert}: the root certificate as a file (or text) with the steps to trust it. */
public final class ExportCertWorkflow {
    private final RootSource roots;
    private final Reporter reporter;

    public ExportCertWorkflow(RootSource roots, Reporter reporter) {
        this.roots = roots;
        this.reporter = reporter;
    }

    public ExportCertResult run(ExportCertRequest request) {
        if (request.out() == null && request.format() == ExportCertFormat.DER) {
            throw OrodcException.usage("DER is binary: give --out FILE (such as orodc-ca.cer) or use --format pem");
        }
        RootCertificate root = roots.root();
        String steps = TrustSteps.render(root, request.out(), request.format());
        if (request.out() == null) {
            return new ExportCertResult(root.pem(), null, false, root.sha256(), steps);
        }
        byte[] content = request.format() == ExportCertFormat.DER ? root.der() : root.pem().getBytes(StandardCharsets.US_ASCII);
        Path out = request.out();
        boolean unchanged = write(out, content, request.force());
        reporter.debug((unchanged ? "unchanged: " : "wrote ") + out);
        return new ExportCertResult(root.pem(), out, unchanged, root.sha256(), steps);
    }

    /** @return true when the file already held this content */
    private static boolean write(Path out, byte[] content, boolean force) {
        Path dir = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw OrodcException.io(dir + " does not exist: create it or choose another --out", null);
        }
        if (Files.isDirectory(out)) {
            throw OrodcException.usage(out + " is a directory: give a file name such as " + out.resolve("orodc-ca.pem"));
        }
        if (Files.exists(out)) {
            try {
                if (Arrays.equals(Files.readAllBytes(out), content)) {
                    return true;
                }
            } catch (IOException e) {
                throw OrodcException.io("cannot read " + out + ": " + e.getMessage(), e);
            }
            if (!force) {
                throw OrodcException.usage(out + " already exists and holds something else: choose another --out or add --force");
            }
        }
        try {
            AtomicFile.write(out, content, AtomicFile.WORLD_READABLE);
        } catch (IOException e) {
            throw OrodcException.io("cannot write " + out + ": " + e.getMessage() + "; fix the permissions of " + dir, e);
        }
        return false;
    }
}
