package com.orodc.workflow.certs;

import com.orodc.certs.CertFiles;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.core.UntrustedText;
import com.orodc.render.TrustSnippetRenderer;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * proxy trust-snippet: the CA files for containers made ready (the CA created first when this machine has none),
 * and the compose lines that mount them into services and point the common runtimes at them.
 */
public final class TrustSnippetWorkflow {
    /** What compose accepts as a service name. */
    private static final Pattern SERVICE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public record Request(OrodcHome home, String certDomain, List<String> services, Map<String, String> environment) {
    }

    public record Result(String snippet, ContainerTrustFiles files) {
    }

    private final Reporter reporter;

    public TrustSnippetWorkflow(Reporter reporter) {
        this.reporter = reporter;
    }

    public Result run(Request request) {
        for (String service : request.services()) {
            if (!SERVICE.matcher(service).matches()) {
                throw OrodcException.usage("--service " + UntrustedText.of(service) + " is not a compose service name:"
                        + " use letters, digits, '.', '_' and '-', starting with a letter or digit");
            }
        }
        CertFiles certs = new CertFiles(request.home().certs());
        ContainerTrustFiles files = new ContainerTrustFiles(request.home().caTrust());
        if (Files.exists(certs.rootCert())) {
            files.refresh(certs.rootCert(), reporter);
        } else {
            // creating the CA writes the files for containers too
            new CertificatesWorkflow(request.environment(), reporter).run(CertificatesRequest.of(request.home().certs(), request.certDomain()));
        }
        String snippet = TrustSnippetRenderer.render(new TrustSnippetRenderer.Input(request.services(), request.certDomain(),
                files.dir().toString(), ContainerTrustFiles.MOUNT, ContainerTrustFiles.BUNDLE, ContainerTrustFiles.ROOT,
                ContainerTrustFiles.PHP_INI));
        return new Result(snippet, files);
    }
}
