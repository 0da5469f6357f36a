package com.orodc.workflow.dnsservice;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.ProgramRun;
import com.orodc.core.wsl.WindowsPrograms;
import com.orodc.core.wsl.WslEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one elevated step in WSL 2: the Windows hosts file is writable only by administrators, so
 * {@code proxy-dns-setup --install} grants the Windows user Modify on that one file ({@code icacls /grant}), run
 * through an elevated PowerShell (Windows shows its UAC prompt once); {@code --uninstall} removes that grant again.
 * Which user was granted is recorded in the state directory, so that only a grant orodc made is removed.
 */
final class WindowsHostsAccess {
    static final String RECORD = "windows-hosts-grant.txt";

    private final WslEnvironment wsl;
    private final WindowsPrograms windows;
    private final Path record;

    WindowsHostsAccess(WslEnvironment wsl, WindowsPrograms windows, Path stateDir) {
        this.wsl = wsl;
        this.windows = windows;
        this.record = stateDir.resolve(RECORD);
    }

    /** The user orodc granted Modify to, when it did. */
    Optional<String> grantedTo() {
        try {
            return Files.exists(record) ? Optional.of(Files.readString(record, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + record + ": " + e.getMessage() + "; fix its permissions", e);
        }
    }

    /** What --install changes on Windows, in the words --dry-run and the install itself print. */
    static String grantWords() {
        return "grant your Windows user Modify on " + WslEnvironment.WINDOWS_HOSTS + " (icacls /grant, in an elevated "
                + "PowerShell: Windows asks once), so that the hosts sync can keep the names there";
    }

    /** @return the lines to print; throws with {@link ExitCode#FAILURE} when the prompt was cancelled, nothing changed */
    List<String> grant() {
        Optional<String> already = grantedTo();
        if (already.isPresent()) {
            return List.of("Windows: " + already.get() + " may already modify " + WslEnvironment.WINDOWS_HOSTS + " (granted by orodc)");
        }
        requireInterop();
        String script = "$u = [Security.Principal.WindowsIdentity]::GetCurrent().Name; "
                + elevated("@('" + WslEnvironment.WINDOWS_HOSTS + "', '/grant', ('\"' + $u + ':(M)\"'))")
                + " Write-Output $u; exit $p.ExitCode";
        ProgramRun r = runPowerShell(script, "install");
        String user = r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        if (user.isEmpty()) {
            throw new OrodcException(ExitCode.FAILURE, "PowerShell granted the access but did not say to whom; check it with "
                    + "'icacls " + WslEnvironment.WINDOWS_HOSTS + "' on Windows and remove it there if unwanted");
        }
        try {
            Files.createDirectories(record.getParent());
            Files.writeString(record, user + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OrodcException.io("Windows granted " + user + " Modify on " + WslEnvironment.WINDOWS_HOSTS + " but " + record
                    + " cannot be written (" + e.getMessage() + "): --uninstall will not know to remove it; fix the permissions", e);
        }
        return List.of("Windows: granted " + user + " Modify on " + WslEnvironment.WINDOWS_HOSTS + " (icacls, elevated once)");
    }

    /** Removes the grant orodc made, and only that; nothing to do when it made none. */
    List<String> revoke() {
        Optional<String> user = grantedTo();
        if (user.isEmpty()) {
            return List.of("Windows: orodc granted nothing on " + WslEnvironment.WINDOWS_HOSTS + ", nothing to undo");
        }
        requireInterop();
        String quoted = user.get().replace("'", "''");
        runPowerShell(elevated("@('" + WslEnvironment.WINDOWS_HOSTS + "', '/remove:g', '\"" + quoted + "\"')") + " exit $p.ExitCode", "uninstall");
        try {
            Files.deleteIfExists(record);
        } catch (IOException e) {
            throw OrodcException.io("the grant was removed but " + record + " stays (" + e.getMessage() + "); delete it by hand", e);
        }
        return List.of("Windows: removed the Modify grant of " + user.get() + " on " + WslEnvironment.WINDOWS_HOSTS);
    }

    /**
     * Start-Process -Verb RunAs raises the UAC prompt; a No there throws, which the script turns into ERROR_CANCELLED.
     * Start-Process joins the arguments with spaces, so a user name with a space travels in double quotes.
     */
    private static String elevated(String arguments) {
        return "try { $p = Start-Process -FilePath 'icacls.exe' -ArgumentList " + arguments
                + " -Verb RunAs -Wait -PassThru -WindowStyle Hidden } catch { if ($_.Exception.Message -match 'cancel') "
                + "{ [Console]::Error.WriteLine('ERROR_CANCELLED: ' + $_.Exception.Message); exit 1223 }; "
                + "[Console]::Error.WriteLine($_.Exception.Message); exit 1 };";
    }

    private ProgramRun runPowerShell(String script, String action) {
        ProgramRun r = windows.run("powershell.exe", List.of("-NoProfile", "-NonInteractive", "-Command", script));
        if (WindowsPrograms.cancelled(r)) {
            throw new OrodcException(ExitCode.FAILURE, "the Windows elevation prompt was cancelled: nothing was changed; run "
                    + "'orodc proxy-dns-setup --" + action + "' again and answer Yes, or add --no-windows-hosts to leave the Windows hosts file alone");
        }
        if (!r.ok()) {
            throw new OrodcException(ExitCode.FAILURE, "icacls on " + WslEnvironment.WINDOWS_HOSTS + " failed (exit " + r.exitCode()
                    + "): " + r.reason() + "; nothing was changed");
        }
        return r;
    }

    private void requireInterop() {
        if (!wsl.interop()) {
            throw new OrodcException(ExitCode.FAILURE, "Windows programs cannot run from this distribution ([interop] enabled=false "
                    + "in /etc/wsl.conf): turn interop on, or add --no-windows-hosts to leave the Windows hosts file alone");
        }
    }
}
