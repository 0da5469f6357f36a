package com.orodc.cli;

/**
 * The JVM entry point of {@code orodc --version}, {@code --help} and {@code <command> --help}, which the
 * launcher starts instead of the application's: the same command line ({@link Cli}), printing the same text
 * with the same exit codes, without starting Quarkus (config, CDI, logging), which is most of such a run.
 * Every other command line starts the application as usual.
 */
public final class HelpMain {
    private HelpMain() {
    }

    public static void main(String[] args) {
        System.exit(Cli.create(RunContext.system()).execute(args));
    }
}
