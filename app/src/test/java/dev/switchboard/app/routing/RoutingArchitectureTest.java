package dev.switchboard.app.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Routing &amp; keys feature's own layering: one class speaks HTTP, one follows the connection, and views and
 * models only know the {@link GovernanceClient} interface, so the page cannot tell an embedded from a remote
 * gateway.
 */
@AnalyzeClasses(packages = "dev.switchboard.app.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class RoutingArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheAdminApiClientSpeaksHttp = noClasses()
            .that().doNotHaveSimpleName("AdminApiGovernanceClient")
            .and().doNotHaveSimpleName("GovernanceConnection")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..");

    @ArchTest
    static final ArchRule viewsAndModelsOnlyKnowTheInterface = noClasses()
            .that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveSimpleName("AdminApiGovernanceClient")
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.switchboard.app.connection..");
}
