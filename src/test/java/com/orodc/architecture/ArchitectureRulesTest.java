package com.orodc.architecture;

import com.orodc.architecture.fixtures.bad.certs.CertsUsesQute;
import com.orodc.architecture.fixtures.bad.core.CoreUsesPicocli;
import com.orodc.architecture.fixtures.bad.core.CoreUsesWorkflow;
import com.orodc.architecture.fixtures.bad.docker.DockerUsesJib;
import com.orodc.architecture.fixtures.bad.hosts.HostsUsesProbe;
import com.orodc.architecture.fixtures.bad.image.ImageUsesBouncyCastle;
import com.orodc.architecture.fixtures.bad.probe.ProbePrintsToStderr;
import com.orodc.architecture.fixtures.bad.probe.ProbeUsesHosts;
import com.orodc.architecture.fixtures.bad.render.RenderPrintsToStdout;
import com.orodc.architecture.fixtures.bad.stray.Stray;
import com.orodc.architecture.fixtures.bad.workflow.WorkflowUsesCli;
import com.orodc.architecture.fixtures.bad.workflow.WorkflowUsesEngineClient;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves each rule of {@link ArchitectureRules} can fail, and fails for the right class. */
class ArchitectureRulesTest {
    private static final String FIXTURES = "com.orodc.architecture.fixtures";
    private static final String GOOD = FIXTURES + ".good";
    private static final String BAD = FIXTURES + ".bad";
    private static final JavaClasses GOOD_CLASSES = new ClassFileImporter().importPackages(GOOD);
    private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);

    record Case(String name, Function<String, ArchRule> rule, List<Class<?>> offenders) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("layers", ArchitectureRules::layers,
                        List.of(CoreUsesWorkflow.class, WorkflowUsesCli.class, HostsUsesProbe.class, Stray.class)),
                new Case("nothing depends on cli", ArchitectureRules::nothingDependsOnCli,
                        List.of(WorkflowUsesCli.class)),
                new Case("only cli uses Picocli", ArchitectureRules::onlyCliUsesPicocli,
                        List.of(CoreUsesPicocli.class)),
                new Case("only docker uses the Engine API client", ArchitectureRules::onlyDockerUsesTheEngineClient,
                        List.of(WorkflowUsesEngineClient.class)),
                new Case("only image uses jib-core", ArchitectureRules::onlyImageUsesJib,
                        List.of(DockerUsesJib.class)),
                new Case("only certs uses Bouncy Castle", ArchitectureRules::onlyCertsUsesBouncyCastle,
                        List.of(ImageUsesBouncyCastle.class)),
                new Case("only render uses Qute", ArchitectureRules::onlyRenderUsesQute,
                        List.of(CertsUsesQute.class)),
                new Case("no cycles between top-level packages", ArchitectureRules::topLevelPackagesAreFreeOfCycles,
                        List.of(HostsUsesProbe.class, ProbeUsesHosts.class)),
                new Case("libraries do not print", ArchitectureRules::librariesDoNotPrint,
                        List.of(RenderPrintsToStdout.class, ProbePrintsToStderr.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesOnTheCompliantFixture(Case c) {
        c.rule().apply(GOOD).check(GOOD_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesEachOffenderInTheBrokenFixture(Case c) {
        EvaluationResult result = c.rule().apply(BAD).evaluate(BAD_CLASSES);

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(c.offenders()).allSatisfy(offender -> assertThat(report).contains(offender.getName()));
    }
}
