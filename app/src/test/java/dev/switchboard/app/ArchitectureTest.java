package dev.switchboard.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers written down: the gateway and prompt library know nothing of JavaFX; views only bind (no store, no
 * gateway internals, no HTTP); only the connection feature talks to a gateway; services never touch Platform.
 */
@AnalyzeClasses(packages = {"dev.switchboard"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule gatewayAndPromptLibraryImportNoJavaFx = noClasses()
            .that().resideInAnyPackage("dev.switchboard.gateway..", "dev.switchboard.prompts..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule viewsNeverTouchStoreClasses = noClasses()
            .that().haveSimpleNameEndingWith("View").and().resideInAPackage("dev.switchboard.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.gateway.store..",
                    "dev.switchboard.gateway.server..", "okhttp3..", "java.sql..");

    @ArchTest
    static final ArchRule onlyTheConnectionFeatureReachesIntoTheGateway = noClasses()
            .that().resideInAPackage("dev.switchboard.app..")
            .and().resideOutsideOfPackages("dev.switchboard.app.connection..", "dev.switchboard.app.demo..")
            .and().doNotHaveSimpleName("SwitchboardApp")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.gateway.store..",
                    "dev.switchboard.gateway.server..", "dev.switchboard.gateway.admin..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.switchboard.gateway.Gateway");

    @ArchTest
    static final ArchRule viewModelsHoldStateNotControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule servicesNeverTouchPlatform = noClasses()
            .that().resideInAPackage("dev.switchboard.app..")
            .and().haveSimpleNameNotEndingWith("View").and().haveSimpleNameNotEndingWith("Bar")
            .and().doNotHaveSimpleName("UiTasks").and().doNotHaveSimpleName("SwitchboardLauncher")
            .and().haveNameNotMatching("dev\\.switchboard\\.app\\.SwitchboardApp.*")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = classes()
            .that().resideInAnyPackage("dev.switchboard.app.traces..", "dev.switchboard.app.usage..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.switchboard.app.settings..",
                    "dev.switchboard.app.shell..", "dev.switchboard.app.demo..");
}
