package dev.omnisync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md that Spring Modulith's verification does not express. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.omnisync");

    private static final String[] CONNECTORS = {"ebay", "amazon", "tiktok", "walmart", "kaufland", "temu", "otto", "mirakl"};

    @Test
    void connectorsNeverImportEachOther() {
        for (String connector : CONNECTORS) {
            String[] others = java.util.Arrays.stream(CONNECTORS).filter(c -> !c.equals(connector))
                    .map(c -> "dev.omnisync.channel." + c + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.omnisync.channel." + connector + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .because("every connector stands alone behind the SPI")
                    .check(CLASSES);
        }
    }

    @Test
    void policyDomainIsPure() {
        noClasses().that().resideInAPackage("dev.omnisync.policy")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "java.net..", "java.io..", "java.nio.file..", "jakarta.servlet..")
                .allowEmptyShould(true)
                .because("the policy calculators are pure functions of their inputs")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.omnisync.console..")
                .should().dependOnClassesThat().resideInAPackage("dev.omnisync.console..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void webAndPersistenceStayInsideTheirModule() {
        noClasses().that().resideOutsideOfPackages("dev.omnisync.*.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.omnisync.*.web..")
                .allowEmptyShould(true)
                .because("controllers are entry points; nothing calls them")
                .check(CLASSES);
    }
}
