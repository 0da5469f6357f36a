package com.orodc.cli;

import com.orodc.core.ExitCode;
import com.orodc.workflow.certs.CertificatesRequest;
import com.orodc.workflow.certs.CertificatesResult;
import com.orodc.workflow.certs.CertificatesWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "install-certs",
        description = {"Create the local CA and the certificate for CERT_DOMAIN and *.CERT_DOMAIN, or renew it when due.",
                "Running it again changes nothing unless the certificate expires within 30 days or its names change.",
                "A key that does not belong to its certificate is never replaced (exit 5): the message names the file."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  orodc proxy install-certs",
                "  orodc proxy install-certs --extra-name shop.docker.local --key-type rsa2048",
                "",
                "  Keep the CA of the bash OroDC that browsers already trust:",
                "  orodc proxy install-certs --adopt-ca ~/old-orodc/certs",
                "",
                "  Keep only the constrained intermediate key on this machine:",
                "  orodc proxy install-certs --destroy-root-key"})
class ProxyInstallCertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @Mixin
    ConfigOptions options;

    @Option(names = "--extra-name", paramLabel = "NAME",
            description = "Another name for the certificate, under CERT_DOMAIN or localhost (repeatable).")
    List<String> extraNames = new ArrayList<>();

    @Option(names = "--key-type", paramLabel = "TYPE",
            description = "Key of certificates issued now: ecdsa (P-256), rsa2048 or rsa3072. Without it each"
                    + " certificate keeps its type; new ones get ecdsa.")
    String keyType;

    @Option(names = "--rotate-ca", description = "Replace the root and intermediate CA; the new root must be trusted again.")
    boolean rotateCa;

    @Option(names = "--destroy-root-key", description = "Delete the root CA key once the intermediate exists.")
    boolean destroyRootKey;

    @Option(names = "--adopt-ca", paramLabel = "DIR",
            description = "Keep the existing OroDC CA in DIR (ca.crt + ca.key) and put the new intermediate under it.")
    Path adoptCa;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        String domain = options.resolve(context).certDomain();
        CertificatesRequest request = CertificatesRequest.of(context.home().certs(), domain)
                .withExtraNames(extraNames)
                .withKeyType(keyType)
                .withRotateCa(rotateCa)
                .withDestroyRootKey(destroyRootKey)
                .adoptingCaDir(adoptCa == null ? null : context.workingDirectory().resolve(adoptCa));
        CertificatesResult result = new CertificatesWorkflow(context.environment(), Commands.reporter(spec)).run(request);

        PrintWriter out = spec.commandLine().getOut();
        result.summary().forEach(out::println);
        out.printf("Trust the root CA on this machine with: orodc export-proxy-cert --install%n");
        return ExitCode.OK.code();
    }
}
