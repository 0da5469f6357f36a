package com.orodc.render;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The files of the hosts sync service: systemd unit, launchd plist and launcher script. Each value is
 * escaped for the file it goes into before rendering; a template that names a missing value fails.
 */
public final class ServiceFiles {
    private static final Engine ENGINE = Engine.builder().addDefaults().strictRendering(true).build();
    private static final Template UNIT = load("orodc-dns-sync.service.txt");
    private static final Template PLIST = load("com.orodc.dns-sync.plist.xml");
    private static final Template LAUNCHER = load("orodc-dns-sync.sh.txt");

    private ServiceFiles() {
    }

    public static String systemdUnit(ServiceDefinition d) {
        Map<String, Object> data = new HashMap<>();
        data.put("hostsFile", systemdText(d.hostsFile()));
        data.put("dockerHost", systemdQuoted(d.dockerHost()));
        data.put("orodcHome", systemdQuoted(d.orodcHome()));
        data.put("launcher", systemdText(d.launcher()));
        return UNIT.data(data).render();
    }

    public static String launchdPlist(ServiceDefinition d) {
        Map<String, Object> data = new HashMap<>();
        data.put("label", ServiceDefinition.LAUNCHD_LABEL);
        data.put("launcher", xml(d.launcher()));
        data.put("dockerHost", xml(d.dockerHost()));
        data.put("orodcHome", xml(d.orodcHome()));
        data.put("logFile", xml(d.logFile()));
        return PLIST.data(data).render();
    }

    public static String launcherScript(ServiceDefinition d) {
        StringBuilder command = new StringBuilder();
        for (String part : d.command()) {
            if (command.length() > 0) {
                command.append(' ');
            }
            command.append(shellQuoted(part));
        }
        return LAUNCHER.data("command", command.toString()).render();
    }

    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** systemd expands %-specifiers everywhere and backslash escapes inside quotes. */
    static String systemdText(String value) {
        return value.replace("%", "%%").replace("\n", " ");
    }

    static String systemdQuoted(String value) {
        return systemdText(value).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Named .txt/.xml so that Quarkus, which also scans templates/, knows their content type. */
    private static Template load(String name) {
        try (InputStream in = ServiceFiles.class.getResourceAsStream("/templates/service/" + name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the application");
            }
            return ENGINE.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
