package org.ntmrecords.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map as rules: the published language ({@code events}) depends on no framework; the command side
 * and the query side never see each other; neither reaches into the wiring ({@code infra}).
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ntmrecords");
    }

    @Test
    void eventsDependOnNoFramework() {
        noClasses().that().resideInAPackage("org.ntmrecords.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta.persistence..", "org.ntmrecords.command..", "org.ntmrecords.query..",
                        "org.ntmrecords.infra..")
                .check(classes);
    }

    @Test
    void theCommandSideDoesNotSeeTheQuerySide() {
        noClasses().that().resideInAPackage("org.ntmrecords.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ntmrecords.query..", "org.ntmrecords.infra..")
                .check(classes);
    }

    @Test
    void theQuerySideDoesNotSeeTheCommandSide() {
        noClasses().that().resideInAPackage("org.ntmrecords.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ntmrecords.command..", "org.ntmrecords.infra..")
                .check(classes);
    }

    @Test
    void eventsAreImmutableRecordsOrValueTypes() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("org.ntmrecords.events..").and().haveSimpleNameEndingWith("Event")
                .should().beRecords()
                .check(classes);
    }
}
