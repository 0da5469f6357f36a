package com.orodc.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of ARCHITECTURE.md, built for any root package so the exact same rule objects that guard
 * {@code com.orodc} can be shown to fail on the deliberately broken fixture tree.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** Dependencies point one way: {@code cli -> workflow -> {image, certs, hosts, docker, render, probe} -> core}. */
    public static ArchRule layers(String root) {
        return layeredArchitecture()
                // the JDK and libraries are governed by the library rules, not by the layers
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .layer("cli").definedBy(cliPackages(root))
                .layer("workflow").definedBy(root + ".workflow..")
                .layer("image").definedBy(root + ".image..")
                .layer("certs").definedBy(root + ".certs..")
                .layer("hosts").definedBy(root + ".hosts..")
                .layer("docker").definedBy(root + ".docker..")
                .layer("render").definedBy(root + ".render..")
                .layer("probe").definedBy(root + ".probe..")
                .layer("core").definedBy(root + ".core..")
                .whereLayer("cli").mayOnlyAccessLayers("workflow", "core")
                .whereLayer("workflow").mayOnlyAccessLayers("image", "certs", "hosts", "docker", "render", "probe", "core")
                .whereLayer("image").mayOnlyAccessLayers("core")
                .whereLayer("certs").mayOnlyAccessLayers("core")
                .whereLayer("hosts").mayOnlyAccessLayers("core")
                .whereLayer("docker").mayOnlyAccessLayers("core")
                .whereLayer("render").mayOnlyAccessLayers("core")
                .whereLayer("probe").mayOnlyAccessLayers("core")
                .whereLayer("core").mayNotAccessAnyLayer()
                // a new top-level package would otherwise sit outside every layer and escape this rule
                .ensureAllClassesAreContainedInArchitecture();
    }

    public static ArchRule nothingDependsOnCli(String root) {
        return noClasses().that().resideOutsideOfPackages(cliPackages(root))
                .should().dependOnClassesThat().resideInAnyPackage(cliPackages(root))
                .because("commands are the outermost layer: everything else must be usable without them");
    }

    public static ArchRule onlyCliUsesPicocli(String root) {
        // the Quarkus extension's annotations (TopCommand, ...) tie a class to Picocli just as much
        return onlyPackagesUse(cliPackages(root), "Picocli", "picocli..", "io.quarkus.picocli..");
    }

    /** The HTTP client of the Engine API ({@code docker.api}) stays behind the facade that turns its answers into our records. */
    public static ArchRule onlyDockerUsesTheEngineClient(String root) {
        return onlyLayerUses(root, "docker", "the Engine API client", root + ".docker.api..");
    }

    public static ArchRule onlyImageUsesJib(String root) {
        return onlyLayerUses(root, "image", "jib-core", "com.google.cloud.tools.jib..");
    }

    public static ArchRule onlyCertsUsesBouncyCastle(String root) {
        return onlyLayerUses(root, "certs", "Bouncy Castle", "org.bouncycastle..");
    }

    public static ArchRule onlyRenderUsesQute(String root) {
        return onlyLayerUses(root, "render", "Qute", "io.quarkus.qute..");
    }

    public static ArchRule topLevelPackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    public static ArchRule librariesDoNotPrint(String root) {
        return noClasses().that().resideOutsideOfPackages(cliPackages(root))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("libraries report through core.Reporter so the CLI alone decides what reaches the terminal");
    }

    /** The root package holds at most the entry point, which is as much a part of the command line as cli. */
    private static String[] cliPackages(String root) {
        return new String[] {root, root + ".cli.."};
    }

    private static ArchRule onlyLayerUses(String root, String layer, String library, String libraryPackage) {
        return onlyPackagesUse(new String[] {root + "." + layer + ".."}, library, libraryPackage);
    }

    private static ArchRule onlyPackagesUse(String[] owners, String library, String... libraryPackages) {
        return noClasses().that().resideOutsideOfPackages(owners)
                .should().dependOnClassesThat().resideInAnyPackage(libraryPackages)
                .because(library + " stays behind the one package that wraps it");
    }
}
