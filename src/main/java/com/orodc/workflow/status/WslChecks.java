package com.orodc.workflow.status;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.TrustCheck;
import com.orodc.certs.trust.TrustStoreKind;
import com.orodc.certs.trust.TrustStores;
import com.orodc.core.IpLiteral;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.wsl.WindowsPrograms;
import com.orodc.core.wsl.WslEnvironment;
import com.orodc.hosts.HostsFileText;
import com.orodc.hosts.HostsFileWriter;
import com.orodc.core.Reporter;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** proxy-status in WSL 2: what the browser on Windows needs (the root trusted there, the names, the ports). */
final class WslChecks {
    static final String FIX_TRUST = "trust it on Windows too: orodc export-proxy-cert --install (Windows asks once)";
    static final String FIX_HOSTS = "keep the Windows hosts file in sync: sudo orodc proxy-dns-setup --install (Windows asks once)";

    private final OrodcConfig config;
    private final Map<String, String> environment;
    private final WslEnvironment wsl;

    WslChecks(OrodcConfig config, Map<String, String> environment) {
        this.config = config;
        this.environment = environment;
        this.wsl = WslEnvironment.detect(environment);
    }

    boolean applies() {
        return wsl.isWsl2();
    }

    /** Every WSL 2 check; none off WSL 2, so the report there is what it always was. */
    List<StatusCheck> all(Path rootCert, Path linuxHostsFile) {
        if (!applies()) {
            return List.of();
        }
        WslEnvironment described = wsl.withNetworking(new WindowsPrograms(wsl, environment).networkingMode());
        List<StatusCheck> checks = new ArrayList<>();
        checks.add(StatusCheck.ok("wsl", "WSL", described.describe()));
        checks.add(trust(rootCert));
        checks.add(hosts(linuxHostsFile));
        checks.add(ports(described.networking()));
        return checks;
    }

    private StatusCheck trust(Path rootCert) {
        if (!Files.isRegularFile(rootCert)) {
            return StatusCheck.warn("windows-trust", "Windows trust", "no local CA yet", "create it: orodc proxy install-certs");
        }
        try {
            List<TrustCheck> windows = TrustStores.of(environment).where(RootCertificate.read(rootCert)).stream()
                    .filter(c -> c.kind() == TrustStoreKind.WINDOWS).toList();
            if (windows.isEmpty()) {
                return StatusCheck.warn("windows-trust", "Windows trust", "cannot tell", FIX_TRUST);
            }
            TrustCheck c = windows.get(0);
            return switch (c.answer()) {
                case TRUSTED -> StatusCheck.ok("windows-trust", "Windows trust", c.location() + ": " + c.detail());
                case NOT_TRUSTED -> StatusCheck.fail("windows-trust", "Windows trust", c.location() + ": " + c.detail(), FIX_TRUST);
                case UNKNOWN -> StatusCheck.warn("windows-trust", "Windows trust", "cannot tell: " + c.detail(), FIX_TRUST);
            };
        } catch (OrodcException e) {
            return StatusCheck.warn("windows-trust", "Windows trust", "cannot tell: " + e.getMessage(), FIX_TRUST);
        }
    }

    /** The Windows block against the names of the Linux one: the same names, or drift. */
    private StatusCheck hosts(Path linuxHostsFile) {
        Path file = wsl.windowsHostsFile();
        if (!Files.isRegularFile(file)) {
            return StatusCheck.fail("windows-hosts", "Windows hosts", WslEnvironment.WINDOWS_HOSTS + " not found at " + file,
                    "check [automount] in /etc/wsl.conf: drive C: must be mounted");
        }
        SortedSet<String> windowsNames;
        SortedSet<String> linuxNames = new TreeSet<>();
        try {
            HostsFileText text = new HostsFileWriter(file, Reporter.SILENT).read();
            if (!text.hasBlock()) {
                return StatusCheck.warn("windows-hosts", "Windows hosts", "no orodc block in " + WslEnvironment.WINDOWS_HOSTS
                        + ": the browser on Windows does not resolve the names", FIX_HOSTS);
            }
            windowsNames = text.blockNames();
            if (Files.isRegularFile(linuxHostsFile)) {
                linuxNames.addAll(new HostsFileWriter(linuxHostsFile, Reporter.SILENT).read().blockNames());
            }
        } catch (OrodcException e) {
            return StatusCheck.fail("windows-hosts", "Windows hosts", e.getMessage(), "fix the file, then run orodc proxy-dns-sync --once");
        }
        if (!windowsNames.equals(linuxNames)) {
            SortedSet<String> missing = new TreeSet<>(linuxNames);
            missing.removeAll(windowsNames);
            SortedSet<String> stale = new TreeSet<>(windowsNames);
            stale.removeAll(linuxNames);
            return StatusCheck.warn("windows-hosts", "Windows hosts", "drift from " + linuxHostsFile + ": missing on Windows "
                    + missing + ", only on Windows " + stale, "run orodc proxy-dns-sync --once, or " + FIX_HOSTS);
        }
        return StatusCheck.ok("windows-hosts", "Windows hosts", windowsNames.size() + " names in " + WslEnvironment.WINDOWS_HOSTS
                + ", the same as in " + linuxHostsFile);
    }

    /**
     * The names point at 127.0.0.1 on Windows too: WSL forwards Windows' localhost to ports bound on the distribution's
     * loopback or on every address (NAT mode, the default) or shares it (mirrored mode); any other address is not there.
     */
    private StatusCheck ports(String networking) {
        InetAddress bind = config.bindAddress();
        String address = IpLiteral.of(bind);
        String fixAddress = "set TRAEFIK_BIND_ADDRESS=127.0.0.1 (the default), then orodc install-proxy";
        if (networking.equals("none")) {
            return StatusCheck.fail("windows-ports", "Windows ports", "WSL networking is off (networkingMode=none)",
                    "set networkingMode=nat (or mirrored) under [wsl2] in %UserProfile%\\.wslconfig, then wsl --shutdown");
        }
        if (!bind.isLoopbackAddress() && !bind.isAnyLocalAddress()) {
            return StatusCheck.warn("windows-ports", "Windows ports", address + " cannot be reached from Windows through localhost, "
                    + "where the Windows hosts file points the names", fixAddress);
        }
        String mode = networking.isEmpty() ? "localhost forwarding" : networking + " networking";
        return StatusCheck.ok("windows-ports", "Windows ports", address + ":" + config.httpPort() + " and :" + config.httpsPort()
                + " reach Windows through WSL's " + mode);
    }
}
