package com.orodc.cli;

import com.orodc.core.Reporter;
import com.orodc.hosts.HostsBlock;
import com.orodc.hosts.HostsFileWriter;
import com.orodc.render.ServiceDefinition;
import com.orodc.render.ServiceFiles;
import com.orodc.testing.CliDriver;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import com.orodc.workflow.dnsservice.DnsServicePlatform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** proxy-dns-setup without Docker: the files it installs, against a temporary root. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the hosts sync is a systemd unit on Linux (launchd on macOS); checked with systemd-analyze")
class ProxyDnsSetupTest {
    private static final String HOSTS = "127.0.0.1 localhost\n# the user's own line\n";
    private static final String ORODC = "/opt/orodc/orodc";

    @TempDir
    Path home;
    @TempDir
    Path root;

    CliDriver cli() {
        return new InProcessCli(home).env("DOCKER_HOST", "unix:///run/user/1000/docker.sock");
    }

    private Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String key = dir.relativize(p).toString();
                files.put(key, Files.isDirectory(p) ? "dir" : Files.readString(p, StandardCharsets.ISO_8859_1)
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return files;
    }

    @Test
    void installThenUninstallLeavesTheRootAsItWas() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), HOSTS);
        Map<String, String> before = tree(root);

        cli().run("proxy-dns-setup", "--install", "--root", root.toString(), "--orodc-command", ORODC).assertSuccess()
                .assertOut("wrote " + root.resolve("etc/systemd/system/orodc-dns-sync.service"))
                .assertOut("wrote " + root.resolve("usr/local/bin/orodc-dns-sync"))
                .assertOut("Docker endpoint recorded for the service: unix:///run/user/1000/docker.sock");
        Path unit = root.resolve("etc/systemd/system/orodc-dns-sync.service");
        Path launcher = root.resolve("usr/local/bin/orodc-dns-sync");
        assertThat(Files.readString(unit)).contains("Environment=\"DOCKER_HOST=unix:///run/user/1000/docker.sock\"",
                "Environment=\"ORODC_HOME=" + home + "\"", "ExecStart=/usr/local/bin/orodc-dns-sync", "Restart=always",
                "WantedBy=multi-user.target");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(launcher)).startsWith("#!/bin/sh\n")
                .contains("exec '/opt/orodc/orodc' 'proxy-dns-sync' '--hosts-file' '/etc/hosts' '--suffix' 'docker.local'");
        cli().run("proxy-dns-setup", "--status", "--root", root.toString())
                .assertOut("service:    installed (" + unit + ")");

        // the daemon would have added its block meanwhile
        new HostsFileWriter(root.resolve("etc/hosts"), Reporter.SILENT)
                .write(HostsBlock.of(List.of("shop.docker.local"), HostsBlock.IPV4_AND_IPV6));

        cli().run("proxy-dns-setup", "--uninstall", "--root", root.toString()).assertSuccess()
                .assertOut("removed " + unit).assertOut("removed " + launcher)
                .assertOut("removed the orodc block from " + root.resolve("etc/hosts"));
        assertThat(tree(root)).isEqualTo(before);
    }

    @Test
    void dryRunPrintsTheFilesAndWritesNothing() throws Exception {
        var r = cli().run("proxy-dns-setup", "--install", "--dry-run", "--root", root.toString(), "--orodc-command", ORODC,
                "--suffix", "docker.local", "--suffix", "test.local", "--ipv4-only").assertSuccess()
                .assertOut("would write " + root.resolve("etc/systemd/system/orodc-dns-sync.service") + ":")
                .assertOut("    ExecStart=/usr/local/bin/orodc-dns-sync")
                .assertOut("'--suffix' 'docker.local' '--suffix' 'test.local' '--ipv4-only'");
        if (!DnsServicePlatform.LINUX_SYSTEMD.managerRunning()) {
            r.assertOut("note: systemd is not running on this machine (PID 1 is not systemd)");
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void onAMachineWithoutSystemdInstallSaysSoAndChangesNothing() {
        Assumptions.assumeFalse(DnsServicePlatform.LINUX_SYSTEMD.managerRunning(), "systemd runs here");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the root check comes first");
        var r = cli().run("proxy-dns-setup", "--install", "--orodc-command", ORODC).assertExit(1)
                .assertErr("systemd is not running on this machine").assertErr("--dry-run");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(Path.of("/etc/systemd/system/orodc-dns-sync.service")).doesNotExist();
    }

    @Test
    void exactlyOneActionIsRequired() {
        cli().run("proxy-dns-setup").assertExit(2).assertErr("--install");
        cli().run("proxy-dns-setup", "--install", "--status").assertExit(2).assertErr("mutually exclusive");
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        Assumptions.assumeTrue(Shell.available("systemd-analyze"), "systemd-analyze is needed");
        cli().run("proxy-dns-setup", "--install", "--root", root.toString(), "--orodc-command", ORODC).assertSuccess();
        // the unit as installed, with ExecStart pointing at the launcher under the temporary root
        Path launcher = root.resolve("usr/local/bin/orodc-dns-sync");
        Path check = Files.createDirectories(root.resolve("check")).resolve("orodc-dns-sync.service");
        Files.writeString(check, Files.readString(root.resolve("etc/systemd/system/orodc-dns-sync.service"))
                .replace("ExecStart=/usr/local/bin/orodc-dns-sync", "ExecStart=" + launcher));
        Shell.Result r = Shell.run("systemd-analyze", "verify", check.toString());
        String output = r.out() + r.err();
        assertThat(output.lines().filter(l -> l.contains("orodc-dns-sync"))).as(output).isEmpty();
        assertThat(r.exitCode()).as(output).isZero();

        // and it does find problems in a broken copy, so the check above means something
        Files.writeString(check, Files.readString(check).replace("Restart=always", "Restart=sometimes"));
        Shell.Result broken = Shell.run("systemd-analyze", "verify", check.toString());
        assertThat(broken.out() + broken.err()).contains("orodc-dns-sync.service").contains("restart specifier");
    }

    @Test
    void thePlistIsWellFormedWithTheKeysLaunchdNeeds() throws Exception {
        String plist = ServiceFiles.launchdPlist(new ServiceDefinition("/usr/local/bin/orodc-dns-sync", List.of(ORODC),
                "unix:///Users/dev/.docker/run/docker.sock", "/Users/dev/.orodc & <friends>", "/etc/hosts",
                "/var/log/orodc-dns-sync.log"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the DOCTYPE names Apple's DTD: never fetch it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(plist.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("plist");
        Element dict = (Element) doc.getDocumentElement().getElementsByTagName("dict").item(0);
        Map<String, Element> values = new TreeMap<>();
        NodeList children = dict.getChildNodes();
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                elements.add(e);
            }
        }
        for (int i = 0; i + 1 < elements.size(); i += 2) {
            assertThat(elements.get(i).getTagName()).isEqualTo("key");
            values.put(elements.get(i).getTextContent(), elements.get(i + 1));
        }
        assertThat(values).containsKeys("Label", "ProgramArguments", "RunAtLoad", "KeepAlive", "EnvironmentVariables");
        assertThat(values.get("Label").getTextContent()).isEqualTo("com.orodc.dns-sync");
        assertThat(values.get("ProgramArguments").getTagName()).isEqualTo("array");
        assertThat(values.get("ProgramArguments").getElementsByTagName("string").item(0).getTextContent())
                .isEqualTo("/usr/local/bin/orodc-dns-sync");
        assertThat(values.get("RunAtLoad").getTagName()).isEqualTo("true");
        assertThat(values.get("KeepAlive").getTagName()).isEqualTo("true");
        assertThat(values.get("EnvironmentVariables").getTextContent()).contains("/Users/dev/.orodc & <friends>");
    }
}
