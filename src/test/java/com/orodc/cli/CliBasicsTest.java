package com.orodc.cli;

import com.orodc.core.UntrustedText;
import com.orodc.testing.CliResult;
import com.orodc.testing.CliDriver;
import com.orodc.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, version, parse errors and configuration, as a user sees them. Re-run packaged by {@code CliBasicsIT}. */
public class CliBasicsTest {
    @TempDir
    protected Path home;

    protected CliDriver cli() {
        return new InProcessCli(home);
    }

    @Test
    void versionNamesTheImageComponents() {
        cli().run("--version").assertSuccess()
                .assertOut("orodc ")
                .assertOut("traefik     3.")
                .assertOut("s6-overlay  3.");
    }

    @Test
    void helpShowsCommandsAndExamples() {
        cli().run("--help").assertSuccess().assertOut("Examples:").assertOut("config");
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String[] command : new String[][] {{"config"}, {"install-proxy"}, {"uninstall-proxy"}, {"proxy-status"},
                {"proxy-socks5-test"}, {"export-proxy-cert"}, {"proxy"}, {"proxy", "up"}, {"proxy", "down"},
                {"proxy", "restart"}, {"proxy", "logs"}, {"proxy", "install-certs"}}) {
            String[] args = Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            cli().run(args).assertSuccess().assertOut("Usage: orodc " + String.join(" ", command)).assertOut("Examples:");
        }
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestion() {
        cli().run("config", "--http-prot", "1").assertExit(2)
                .assertErr("Unknown option")
                .assertErr("Try 'orodc config --help'");
    }

    @Test
    void invalidPortNamesTheVariableAndTheAcceptedForm() {
        var r = cli().env("TRAEFIK_BIND_PORT", "70000").run("config").assertExit(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        r.assertErr("TRAEFIK_BIND_PORT=70000 (from environment) is not valid: expected a port number from 1 to 65535");
    }

    @Test
    void bindAddressMustBeAnIp() {
        cli().run("config", "--bind-address", "localhost").assertExit(2)
                .assertErr("TRAEFIK_BIND_ADDRESS=localhost (from command line) is not valid");
    }

    @Test
    void certDomainMustNotBeABareTld() {
        cli().env("CERT_DOMAIN", "local").run("config").assertExit(2).assertErr("CERT_DOMAIN=local");
        cli().env("CERT_DOMAIN", "bad_name.local").run("config").assertExit(2).assertErr("CERT_DOMAIN=bad_name.local");
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverProjectFile(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve(".env.orodc"),
                "# project settings\nTRAEFIK_BIND_PORT=7001\nexport TRAEFIK_HTTPS_BIND_PORT=\"7443\"\nCERT_DOMAIN=shop.test\n");
        Path sub = Files.createDirectories(project.resolve("web/public"));
        cli().in(sub).env("TRAEFIK_HTTPS_BIND_PORT", "9443").run("config", "--cert-domain", "flag.test")
                .assertSuccess()
                .assertOut("TRAEFIK_BIND_PORT        7001")
                .assertOut("TRAEFIK_HTTPS_BIND_PORT  9443                 (environment)")
                .assertOut("CERT_DOMAIN              flag.test            (command line)")
                .assertOut("TRAEFIK_LOG_LEVEL        INFO                 (default)");
    }

    @Test
    void malformedProjectFileNamesTheLine(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve(".env.orodc"), "CERT_DOMAIN=ok.test\nthis is not a setting\n");
        cli().in(project).run("config").assertExit(2).assertErr(".env.orodc:2 is not a KEY=value line");
    }

    @Test
    void socksPasswordIsNeverPrinted() {
        cli().env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "s3cret").run("config")
                .assertSuccess().assertOut("********");
        assertThat(cli().env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "s3cret").run("config").out())
                .doesNotContain("s3cret");
    }

    @Test
    void aHugeValueIsQuotedShortened(@TempDir Path project) throws Exception {
        String huge = "a".repeat(10 * 1024 * 1024);
        Files.writeString(project.resolve(".env.orodc"), "CERT_DOMAIN=" + huge + "\n");
        CliResult invalid = cli().in(project).run("config").assertExit(2)
                .assertErr("CERT_DOMAIN=" + "a".repeat(UntrustedText.SHOWN) + "... (" + huge.length() + " characters)");
        assertThat(invalid.err().length()).isLessThan(400);

        Files.writeString(project.resolve(".env.orodc"), huge + "\n");
        CliResult notASetting = cli().in(project).run("config").assertExit(2)
                .assertErr(".env.orodc:1 is not a KEY=value line: " + "a".repeat(UntrustedText.SHOWN) + "... (");
        assertThat(notASetting.err().length()).isLessThan(400);
    }

    @Test
    void aValueWithControlCharactersIsShownEscaped() {
        // ASCII only: a packaged run without a UTF-8 locale decodes other characters of its environment as '?'

        CliResult r = cli().env("TRAEFIK_LOG_LEVEL", "INFO\u001b[2J\nFAKE LINE\u0007").run("config").assertExit(2)
                .assertErr("TRAEFIK_LOG_LEVEL=INFO\\u001b[2J\\nFAKE LINE\\u0007 (from environment) is not valid");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aBinaryProjectFileIsABadSettingNamingTheLineAndByte(@TempDir Path project) throws Exception {
        Path file = project.resolve(".env.orodc");
        Files.write(file, new byte[] {'C', 'E', 'R', 'T', '_', 'D', 'O', 'M', 'A', 'I', 'N', '=', 'a', '.', 't', '\n',
                'X', '=', (byte) 0xff, (byte) 0xfe, 0, 1});
        CliResult r = cli().in(project).run("config").assertExit(2)
                .assertErr(file + ":2 is not UTF-8 text (byte 19): it must hold KEY=value lines");
        assertThat(r.err()).doesNotContain("Input length").doesNotContain("permissions");
    }

    @Test
    void aProjectFileWithNulBytesIsNotText(@TempDir Path project) throws Exception {
        Path file = project.resolve(".env.orodc");
        Files.write(file, new byte[] {'X', '=', 0, 0, '\n'});
        cli().in(project).run("config").assertExit(2)
                .assertErr(file + ":1 is not text (a NUL at byte 3): it must hold KEY=value lines");
    }

    @Test
    void aHugeUnknownArgumentIsNotEchoedWhole() {
        CliResult r = cli().run("config", "--" + "x".repeat(100_000)).assertExit(2).assertErr("error: Unknown option: '--xxxx");
        assertThat(r.err().length()).isLessThan(2_000);
    }
}
