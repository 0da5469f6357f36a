package com.orodc.cli;

import com.orodc.workflow.image.ProxyImageBuild;
import com.orodc.workflow.image.ProxyImagePublish;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Build every platform and push them with a manifest list under --tag and latest.",
        footerHeading = "%nExamples:%n",
        footer = {"  ORODC_REGISTRY_USERNAME=me ORODC_REGISTRY_PASSWORD=... \\",
                "    orodc proxy-image publish --to ghcr.io/acme/orodc-proxy --tag 1.2.0"})
class ProxyImagePublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProxyImageInputOptions options;

    @Option(names = "--to", required = true, paramLabel = "REGISTRY/REPO", description = "Repository to push to, without a tag.")
    String repository;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "Version tag; latest is pushed too.")
    String tag;

    @Option(names = "--no-latest", description = "Do not move the latest tag.")
    boolean noLatest;

    @Mixin
    ImageLabelOptions labels;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        ProxyImageBuild.Result result = new ProxyImagePublish(Commands.reporter(spec), context.environment()).run(new ProxyImagePublish.Request(
                options.inputs(), options.platforms, repository, tag, !noLatest, labels.source, labels.revision,
                context.environment(), context.workingDirectory()));
        ProxyImageResultPrinter.print(spec.commandLine().getOut(), result);
        return 0;
    }
}
