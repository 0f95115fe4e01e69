package dev.switchboard.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.switchboard.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the gateway runs headless on servers");

    @ArchTest
    static final ArchRule providersDoNotKnowTheHttpServer = noClasses().that()
            .resideInAPackage("..gateway.provider..").should().dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "..gateway.server..", "..gateway.store..")
            .because("adapters only translate wire formats");

    @ArchTest
    static final ArchRule telemetryIsFedNotCalled = noClasses().that()
            .resideInAnyPackage("..gateway.store..", "..gateway.trace..", "..gateway.server..", "..gateway.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("..gateway.telemetry..", "io.opentelemetry..",
                    "io.micrometer..")
            .because("metrics and OpenTelemetry export listen to recorded traces; the request path never calls them");

    @ArchTest
    static final ArchRule noStandardOutput = noClasses().that().resideOutsideOfPackages("..gateway.cli..", "..gateway.mock..")
            .should().accessField(System.class, "out")
            .because("logging goes through SLF4J; only the CLI prints");
}
