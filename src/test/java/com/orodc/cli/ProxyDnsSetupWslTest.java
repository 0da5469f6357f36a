package com.orodc.cli;

import com.orodc.testing.CliDriver;
import com.orodc.testing.FakeWsl;
import com.orodc.testing.InProcessCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * proxy-dns-setup in WSL 2 on a fake distribution tree, with a stand-in powershell.exe on PATH (nothing of
 * Windows runs here) that records the elevated icacls step and keeps the hosts file's access list in a file.
 */
class ProxyDnsSetupWslTest {
    private static final String GRANT = "$p = Start-Process -FilePath 'icacls.exe' -ArgumentList @('C:\\Windows\\System32\\drivers\\etc\\hosts', '/grant', ('\"' + $u + ':(M)\"')) -Verb RunAs -Wait -PassThru -WindowStyle Hidden";
    private static final String REVOKE = "$p = Start-Process -FilePath 'icacls.exe' -ArgumentList @('C:\\Windows\\System32\\drivers\\etc\\hosts', '/remove:g', '\"DESKTOP-ORODC\\dev\"') -Verb RunAs -Wait -PassThru -WindowStyle Hidden";

    @TempDir
    Path home;
    @TempDir
    Path root;
    @TempDir
    Path dir;
    FakeWsl wsl;

    @BeforeEach
    void setUp() throws Exception {
        wsl = new FakeWsl(dir);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
    }

    CliDriver cli() {
        CliDriver cli = new InProcessCli(home).env("DOCKER_HOST", "unix:///run/user/1000/docker.sock");
        wsl.environment().forEach(cli::env);
        return cli;
    }

    private String acl() throws Exception {
        return Files.exists(wsl.aclFile) ? Files.readString(wsl.aclFile) : "";
    }

    @Test
    void installGrantsTheWindowsUserOnceAndUninstallRemovesExactlyThatGrant() throws Exception {
        cli().run("proxy-dns-setup", "--install", "--dry-run", "--root", root.toString(), "--orodc-command", "/opt/orodc")
                .assertSuccess().assertOut("would grant your Windows user Modify on C:\\Windows\\System32\\drivers\\etc\\hosts "
                        + "(icacls /grant, in an elevated PowerShell: Windows asks once)");
        assertThat(wsl.calls()).as("a dry run runs nothing on Windows").isEmpty();

        cli().run("proxy-dns-setup", "--install", "--root", root.toString(), "--orodc-command", "/opt/orodc").assertSuccess()
                .assertOut("Windows: granted DESKTOP-ORODC\\dev Modify on C:\\Windows\\System32\\drivers\\etc\\hosts (icacls, elevated once)")
                .assertOut("wrote " + root.resolve("etc/systemd/system/orodc-dns-sync.service"));
        assertThat(wsl.calls()).singleElement().asString()
                .startsWith("powershell.exe -NoProfile -NonInteractive -Command $u = [Security.Principal.WindowsIdentity]::GetCurrent().Name; try { " + GRANT)
                .contains("exit 1223");
        assertThat(acl()).isEqualTo("DESKTOP-ORODC\\dev:(M)\n");

        cli().run("proxy-dns-setup", "--install", "--root", root.toString(), "--orodc-command", "/opt/orodc").assertSuccess()
                .assertOut("Windows: DESKTOP-ORODC\\dev may already modify C:\\Windows\\System32\\drivers\\etc\\hosts (granted by orodc)");
        assertThat(wsl.calls()).as("no second prompt").hasSize(1);

        // the names the sync wrote there go with the service
        Files.writeString(wsl.windowsHosts, "# OroDC Auto DNS - START\r\n127.0.0.1 a.docker.local\r\n# OroDC Auto DNS - END\r\n",
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        cli().run("proxy-dns-setup", "--status", "--root", root.toString())
                .assertOut("1 names in the block of " + wsl.windowsHosts + ", not the same as in the hosts file");
        cli().run("proxy-dns-setup", "--uninstall", "--root", root.toString()).assertSuccess()
                .assertOut("removed the orodc block from " + wsl.windowsHosts)
                .assertOut("Windows: removed the Modify grant of DESKTOP-ORODC\\dev on C:\\Windows\\System32\\drivers\\etc\\hosts");
        assertThat(wsl.calls()).hasSize(2).last().asString().contains(REVOKE);
        assertThat(acl()).isEmpty();
        assertThat(Files.readString(wsl.windowsHosts, StandardCharsets.ISO_8859_1)).isEqualTo(FakeWsl.WINDOWS_HOSTS);

        cli().run("proxy-dns-setup", "--uninstall", "--root", root.toString()).assertSuccess()
                .assertOut("Windows: orodc granted nothing on C:\\Windows\\System32\\drivers\\etc\\hosts, nothing to undo");
        assertThat(wsl.calls()).hasSize(2);
    }

    @Test
    void aCancelledElevationChangesNothingAndSaysHowToGoOn() throws Exception {
        cli().env("STANDIN_ANSWER", "no").run("proxy-dns-setup", "--install", "--root", root.toString(), "--orodc-command", "/opt/orodc")
                .assertExit(1)
                .assertErr("the Windows elevation prompt was cancelled: nothing was changed; run 'orodc proxy-dns-setup --install' "
                        + "again and answer Yes, or add --no-windows-hosts to leave the Windows hosts file alone");
        assertThat(acl()).isEmpty();
        assertThat(root.resolve("etc/systemd")).as("no service file either: nothing half-done").doesNotExist();
        assertThat(home.resolve("state/windows-hosts-grant.txt")).doesNotExist();

        cli().run("proxy-dns-setup", "--install", "--no-windows-hosts", "--root", root.toString(), "--orodc-command", "/opt/orodc")
                .assertSuccess();
        assertThat(wsl.calls()).as("the cancelled prompt only").hasSize(1);
        assertThat(Files.readString(root.resolve("usr/local/bin/orodc-dns-sync"))).contains("'--no-windows-hosts'");
    }

    @Test
    void aCancelledUndoKeepsTheRecordForAnotherTry() throws Exception {
        cli().run("proxy-dns-setup", "--install", "--root", root.toString(), "--orodc-command", "/opt/orodc").assertSuccess();

        cli().env("STANDIN_ANSWER", "no").run("proxy-dns-setup", "--uninstall", "--root", root.toString()).assertExit(1)
                .assertOut("Windows access not changed: the Windows elevation prompt was cancelled: nothing was changed");
        assertThat(acl()).isEqualTo("DESKTOP-ORODC\\dev:(M)\n");
        assertThat(home.resolve("state/windows-hosts-grant.txt")).content().isEqualTo("DESKTOP-ORODC\\dev\n");

        cli().run("proxy-dns-setup", "--uninstall", "--root", root.toString()).assertSuccess()
                .assertOut("Windows: removed the Modify grant of DESKTOP-ORODC\\dev");
        assertThat(acl()).isEmpty();
    }
}
