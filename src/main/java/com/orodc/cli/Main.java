package com.orodc.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * The JVM entry point the launcher starts for every command line ({@code orodc.jar}'s main class): the same command
 * line as the application's Quarkus entry ({@code java -jar quarkus-run.jar}), printing the same text with the same
 * exit codes, without starting Quarkus (config, CDI, log manager), which no command uses and which was a third of a
 * short run.
 * Only the command that runs is built ({@link Cli#forArguments}); {@code --version} needs no command line at all.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(RunContext.system(), args));
    }

    static int run(RunContext context, String... args) {
        if (args.length == 1 && List.of("--version", "-V").contains(args[0])) {
            // what picocli prints for the version option: each line of the provider, nothing else
            PrintWriter out = new PrintWriter(System.out, true);
            for (String line : VersionText.lines()) {
                out.println(line);
            }
            out.flush();
            return 0;
        }
        // after the version, which logs nothing: setting up logging loads the JBoss log manager
        QuietLogs.install();
        return Cli.forArguments(context, args).execute(args);
    }
}
