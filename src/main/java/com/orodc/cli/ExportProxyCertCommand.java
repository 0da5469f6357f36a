package com.orodc.cli;

import com.orodc.core.ExitCode;
import com.orodc.workflow.certs.ExportCertFormat;
import com.orodc.workflow.certs.ExportCertRequest;
import com.orodc.workflow.certs.ExportCertResult;
import com.orodc.workflow.trust.TrustActions;
import com.orodc.workflow.trust.TrustReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export-proxy-cert",
        description = {"Write the local CA's root certificate with the steps to trust it, or trust it on this machine.",
                "Without --out the PEM goes to stdout and the fingerprint and steps to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  orodc export-proxy-cert > orodc-ca.pem",
                "  orodc export-proxy-cert --format der --out orodc-ca.cer      for Windows",
                "  orodc export-proxy-cert --install                            system, NSS, Java, keychain; in WSL 2 also Windows",
                "  orodc export-proxy-cert --install --store nss,java",
                "  orodc export-proxy-cert --uninstall                          remove what --install added",
                "",
                "Store locations, for tests and unusual layouts (environment variables):",
                "  ORODC_TRUST_DEBIAN_DIR     Debian-layout anchor directory (default /usr/local/share/ca-certificates)",
                "  ORODC_TRUST_RHEL_DIR       RHEL-layout anchor directory (default /etc/pki/ca-trust/source/anchors)",
                "  ORODC_TRUST_SYSTEM_UPDATE  command that rebuilds the system store (Debian: --fresh added on removal)",
                "  ORODC_TRUST_NSS_DBS        NSS database directories, ':'-separated (default ~/.pki/nssdb, Firefox profiles)",
                "  ORODC_TRUST_JAVA_CACERTS   Java keystore (default $JAVA_HOME/lib/security/cacerts, without JAVA_HOME"
                        + " the one of the Java orodc runs on)",
                "  ORODC_TRUST_JAVA_PASSWORD  its password (default changeit)",
                "What --install added is recorded in $ORODC_HOME/state/" + TrustActions.RECORD_FILE + "."})
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
            description = "With --install/--uninstall: system, nss, java, keychain, windows (default: all that apply).")
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
        TrustActions trust = exporting || mode.install
                ? TrustActions.creatingRoot(context.home(), context.configResolver().resolve(Map.of()).certDomain(),
                        context.environment(), Commands.reporter(spec))
                : TrustActions.readingRoot(context.home(), context.environment(), Commands.reporter(spec));
        if (exporting) {
            return export(trust, context);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (mode.status) {
            TrustActions.Status s = trust.status();
            stdout.println("SHA-256 fingerprint: " + s.sha256());
            s.lines().forEach(stdout::println);
            stdout.flush();
            return ExitCode.OK.code();
        }
        TrustReport report = mode.install ? trust.install(stores) : trust.uninstall(stores);
        if (!report.note().isEmpty()) {
            stdout.println(report.note());
        }
        report.lines().forEach(stdout::println);
        stdout.flush();
        PrintWriter stderr = spec.commandLine().getErr();
        report.problems().forEach(p -> stderr.println("error: " + p));
        stderr.flush();
        return report.anyFailed() ? ExitCode.TRUST.code() : ExitCode.OK.code();
    }

    /** The certificate to stdout keeps {@code > ca.pem} clean: the steps then go to stderr. */
    private int export(TrustActions trust, RunContext context) {
        Path file = out == null ? null : context.workingDirectory().resolve(out);
        ExportCertResult r = trust.export(new ExportCertRequest(format, file, force));
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
}
