package com.orodc.render;

import java.util.List;

/**
 * What the hosts sync service runs and with which environment.
 *
 * @param launcher   path of the launcher script the service starts
 * @param command    the program and arguments the launcher executes
 * @param dockerHost the Docker endpoint of the user who installed it, so root finds the same engine
 * @param orodcHome  where the daemon keeps its state (the installing user's ORODC_HOME)
 * @param hostsFile  the file the daemon keeps in step
 * @param logFile    where launchd sends the daemon's output (systemd uses the journal)
 */
public record ServiceDefinition(String launcher, List<String> command, String dockerHost, String orodcHome,
                                String hostsFile, String logFile) {
    public static final String SYSTEMD_UNIT = "orodc-dns-sync.service";
    public static final String LAUNCHD_LABEL = "com.orodc.dns-sync";

    public ServiceDefinition {
        command = List.copyOf(command);
    }
}
