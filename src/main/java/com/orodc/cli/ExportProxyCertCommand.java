package com.orodc.cli;

import com.orodc.certs.CertFiles;
import com.orodc.certs.trust.RootSource;
import com.orodc.certs.trust.TrustCheck;
import com.orodc.certs.trust.TrustRecord;
import com.orodc.certs.trust.TrustResult;
import com.orodc.certs.trust.TrustStoreKind;
import com.orodc.certs.trust.TrustStores;
import com.orodc.core.ExitCode;
import com.orodc.workflow.ExportCertFormat;
import com.orodc.workflow.ExportCertRequest;
import com.orodc.workflow.ExportCertResult;
import com.orodc.workflow.ExportCertWorkflow;
import com.orodc.workflow.LocalCaRoot;
import com.orodc.workflow.TrustInstallWorkflow;
import com.orodc.workflow.TrustReport;
import com.orodc.workflow.TrustStatusWorkflow;
import com.orodc.workflow.TrustUninstallWorkflow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "export-proxy-cert",
        description = {"Write the local CA's root certificate with the steps to trust it, or trust it on this machine.",
                "Without --out the PEM goes to stdout and the fingerprint and steps to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  orodc export-proxy-cert > orodc-ca.pem",
                "  orodc export-proxy-cert --format der --out orodc-ca.cer      for Windows",
                "  orodc export-proxy-cert --install                            system, NSS, Java, keychain",
                "  orodc export-proxy-cert --install --store nss,java",
                "  orodc export-proxy-cert --uninstall                          remove what --install added",
                "",
                "Store locations, for tests and unusual layouts (environment variables):",
                "  ORODC_TRUST_DEBIAN_DIR     Debian-layout anchor directory (default /usr/local/share/ca-certificates)",
                "  ORODC_TRUST_RHEL_DIR       RHEL-layout anchor directory (default /etc/pki/ca-trust/source/anchors)",
                "  ORODC_TRUST_SYSTEM_UPDATE  command that rebuilds the system store (Debian: --fresh added on removal)",
                "  ORODC_TRUST_NSS_DBS        NSS database directories, ':'-separated (default ~/.pki/nssdb, Firefox profiles)",
                "  ORODC_TRUST_JAVA_CACERTS   Java keystore (default $JAVA_HOME/lib/security/cacerts)",
                "  ORODC_TRUST_JAVA_PASSWORD  its password (default changeit)",
                "What --install added is recorded in $ORODC_HOME/state/" + TrustRecord.FILE_NAME + "."})
class ExportProxyCertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static class Mode {
        @Option(names = "--install", description = "Trust the root on this machine (the way mkcert does).")
        boolean install;

        @Option(names = "--uninstall", description = "Remove from the trust stores exactly what --install added.")
        boolean uninstall;

        @Option(names = "--status", description = "Show where the root is trusted on this machine.")
        boolean status;
    }

    @Option(names = "--format", paramLabel = "pem|der", defaultValue = "pem",
            description = "PEM (default) or DER (binary, the .cer Windows opens; needs --out).")
    ExportCertFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the certificate to FILE instead of stdout.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file that holds something else.")
    boolean force;

    @Option(names = "--store", split = ",", paramLabel = "STORE",
            description = "With --install/--uninstall: system, nss, java, keychain (default: all that apply).")
    List<String> stores;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        boolean exporting = !(mode.install || mode.uninstall || mode.status);
        if (exporting && stores != null) {
            throw new ParameterException(spec.commandLine(), "--store goes with --install or --uninstall");
        }
        if (!exporting && (out != null || force)) {
            throw new ParameterException(spec.commandLine(),
                    "--out and --force export the certificate: run them without --install/--uninstall/--status");
        }
        // exporting or trusting makes the CA when there is none yet; status and uninstall only read
        RootSource roots = exporting || mode.install
                ? LocalCaRoot.creatingWhenMissing(context.home(), context.configResolver().resolve(Map.of()).certDomain(),
                        context.environment(), Commands.reporter(spec))
                : RootSource.fromFiles(new CertFiles(context.home().certs()));
        if (exporting) {
            return export(roots, context);
        }
        TrustStores trustStores = TrustStores.of(context.environment());
        Path record = context.home().state().resolve(TrustRecord.FILE_NAME);
        PrintWriter stdout = spec.commandLine().getOut();
        if (mode.status) {
            TrustStatusWorkflow.Status s = new TrustStatusWorkflow(roots, trustStores).run();
            stdout.println("SHA-256 fingerprint: " + s.root().sha256());
            s.checks().stream().map(TrustCheck::line).forEach(stdout::println);
            stdout.flush();
            return ExitCode.OK.code();
        }
        TrustReport report = mode.install
                ? new TrustInstallWorkflow(roots, trustStores, record, Commands.reporter(spec)).run(selected())
                : new TrustUninstallWorkflow(trustStores, record, Commands.reporter(spec)).run(selected());
        if (!report.note().isEmpty()) {
            stdout.println(report.note());
        }
        report.results().stream().map(TrustResult::line).forEach(stdout::println);
        stdout.flush();
        return report.anyFailed() ? ExitCode.TRUST.code() : ExitCode.OK.code();
    }

    /** The certificate to stdout keeps {@code > ca.pem} clean: the steps then go to stderr. */
    private int export(RootSource roots, RunContext context) {
        Path file = out == null ? null : context.workingDirectory().resolve(out);
        ExportCertResult r = new ExportCertWorkflow(roots, Commands.reporter(spec)).run(new ExportCertRequest(format, file, force));
        PrintWriter stdout = spec.commandLine().getOut();
        if (file == null) {
            stdout.print(r.pem());
            spec.commandLine().getErr().print(r.steps());
            spec.commandLine().getErr().flush();
        } else {
            stdout.println((r.unchanged() ? "unchanged: " : "wrote ") + r.written());
            stdout.print(r.steps());
        }
        stdout.flush();
        return ExitCode.OK.code();
    }

    private Set<TrustStoreKind> selected() {
        if (stores == null || stores.isEmpty()) {
            return EnumSet.allOf(TrustStoreKind.class);
        }
        Set<TrustStoreKind> kinds = EnumSet.noneOf(TrustStoreKind.class);
        stores.forEach(s -> kinds.add(TrustStoreKind.of(s)));
        return kinds;
    }
}
