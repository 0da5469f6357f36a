package com.orodc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static org.assertj.core.api.Assertions.assertThat;

/** The production classes against ARCHITECTURE.md; test classes, fixtures included, are never imported. */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ROOT = "com.orodc";

    @ArchTest
    static final ArchRule layers = ArchitectureRules.layers(ROOT);

    @ArchTest
    static final ArchRule nothingDependsOnCli = ArchitectureRules.nothingDependsOnCli(ROOT);

    @ArchTest
    static final ArchRule onlyCliUsesPicocli = ArchitectureRules.onlyCliUsesPicocli(ROOT);

    @ArchTest
    static final ArchRule onlyDockerUsesTheEngineClient = ArchitectureRules.onlyDockerUsesTheEngineClient(ROOT);

    @ArchTest
    static final ArchRule onlyImageUsesJib = ArchitectureRules.onlyImageUsesJib(ROOT);

    @ArchTest
    static final ArchRule onlyCertsUsesBouncyCastle = ArchitectureRules.onlyCertsUsesBouncyCastle(ROOT);

    @ArchTest
    static final ArchRule onlyRenderUsesQute = ArchitectureRules.onlyRenderUsesQute(ROOT);

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = ArchitectureRules.topLevelPackagesAreFreeOfCycles(ROOT);

    @ArchTest
    static final ArchRule librariesDoNotPrint = ArchitectureRules.librariesDoNotPrint(ROOT);

    // the fixtures live under com.orodc too: seeing one here would make every rule above fail for the wrong reason
    @ArchTest
    static void importsNoTestClasses(JavaClasses classes) {
        assertThat(classes).isNotEmpty()
                .noneMatch(c -> c.getPackageName().startsWith(ROOT + ".architecture"));
    }
}
