package io.dc2dc.job;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module boundaries of ARCHITECTURE.md: sources and sinks never import each other, the
 * ArangoDB client knows nothing of Flink, and no production code depends on the emulator.
 */
class ModuleBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.dc2dc");
    }

    @Test
    void sourcesDoNotDependOnSinks() {
        noClasses()
                .that()
                .resideInAPackage("io.dc2dc.source..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.dc2dc.sink..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sinksDoNotDependOnSources() {
        noClasses()
                .that()
                .resideInAPackage("io.dc2dc.sink..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.dc2dc.source..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void arangoClientDoesNotDependOnFlinkOrOtherModules() {
        noClasses()
                .that()
                .resideInAPackage("io.dc2dc.arango..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.flink..",
                        "io.dc2dc.source..",
                        "io.dc2dc.sink..",
                        "io.dc2dc.job..",
                        "io.dc2dc.emulator..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void productionCodeDoesNotDependOnTheEmulator() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.dc2dc.arango..",
                        "io.dc2dc.source..",
                        "io.dc2dc.sink..",
                        "io.dc2dc.job..",
                        "io.dc2dc.savepoints..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.dc2dc.emulator..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
