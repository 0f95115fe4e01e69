package dev.switchboard.prompts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.switchboard.prompts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noUserInterface = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("the prompt library runs inside the headless gateway too");

    @ArchTest
    static final ArchRule noHttpServer = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "com.sun.net.httpserver..", "jakarta.servlet..", "javax.servlet..",
                    "org.eclipse.jetty..", "io.undertow..", "io.avaje.jex..", "io.netty..")
            .because("HTTP endpoints belong to the gateway, which calls this library");

    @ArchTest
    static final ArchRule modelIsPlainData = noClasses().that().resideInAPackage("..prompts.model..")
            .should().dependOnClassesThat().resideInAnyPackage("..prompts.store..", "..prompts.render..",
                    "..prompts.diff..", "..prompts.io..", "java.sql..", "com.fasterxml..", "com.github..")
            .because("every area shares the model, so it must not pull any of them in");
}
