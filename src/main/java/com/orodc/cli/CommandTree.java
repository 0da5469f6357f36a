package com.orodc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Optional;

/**
 * The commands under {@code orodc}, in the order help lists them. Kept apart from {@link OrodcCommand}'s
 * annotation so that a run can build only the command it runs: picocli reflects over every command of a tree
 * it is given, which cost a short run more than the command itself.
 */
final class CommandTree {
    static final List<Class<?>> COMMANDS = List.of(
            ConfigCommand.class,
            InstallProxyCommand.class,
            UninstallProxyCommand.class,
            ProxyStatusCommand.class,
            ProxySocks5TestCommand.class,
            ProxyCommand.class,
            ExportProxyCertCommand.class,
            ProxyImageCommand.class,
            ProxyDnsSyncCommand.class,
            ProxyDnsSetupCommand.class,
            CompletionCommand.class);

    private static final List<String> TOP_ANSWERS = List.of("-h", "--help", "-V", "--version");

    private CommandTree() {
    }

    /**
     * The command a command line runs: its first word that is not an option (the top command's options take no
     * values); none when the top command's help or version comes first.
     */
    static Optional<Class<?>> commandOf(String... args) {
        for (String arg : args) {
            if (TOP_ANSWERS.contains(arg)) {
                return Optional.empty();
            }
            if (arg.startsWith("-")) {
                continue;
            }
            return COMMANDS.stream().filter(c -> answersTo(c, arg)).findFirst();
        }
        return Optional.empty();
    }

    /**
     * What the top command's help and its suggestions for a mistyped command need of a command: its names, header,
     * description and whether it is hidden, read from its annotation without building its options.
     */
    static CommandLine listing(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage().header(annotation.header()).description(annotation.description()).hidden(annotation.hidden());
        return new CommandLine(spec);
    }

    private static boolean answersTo(Class<?> command, String word) {
        Command annotation = command.getAnnotation(Command.class);
        return annotation.name().equals(word) || List.of(annotation.aliases()).contains(word);
    }
}
