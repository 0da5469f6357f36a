package com.orodc.cli;

import com.orodc.workflow.image.ProxyImageBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the proxy image: every download verified against its published sha256 and cached.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc proxy-image build                                  into the local Docker engine",
                "  orodc proxy-image build --to tar:proxy.tar --platform linux/arm64",
                "  orodc proxy-image build --to registry.example.com/team/proxy:1.0   both platforms + list",
                "  orodc proxy-image build --offline --mirror https://mirror.example.com"})
class ProxyImageBuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProxyImageInputOptions options;

    @Option(names = "--to", paramLabel = "TARGET", defaultValue = "docker",
            description = "docker[:NAME] (default, name orodc/proxy:local), tar:FILE, or REGISTRY/REPO:TAG.")
    String to;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Image name for --to docker and --to tar:FILE (default orodc/proxy:local).")
    String name;

    @Mixin
    ImageLabelOptions labels;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        ProxyImageBuild.Result result = new ProxyImageBuild(Commands.reporter(spec), context.environment()).run(new ProxyImageBuild.Request(
                options.inputs(), options.platforms, to, name, List.of(), labels.source, labels.revision, context.environment(), context.workingDirectory()));
        ProxyImageResultPrinter.print(spec.commandLine().getOut(), result);
        return 0;
    }
}
