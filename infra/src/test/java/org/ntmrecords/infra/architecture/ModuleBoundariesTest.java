package org.ntmrecords.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map as rules: the published language ({@code events}) depends on no framework; the command side
 * and the query side never see each other, reach into the wiring ({@code infra}) or depend on a web framework; every
 * adapter to the outside lives in {@code infra}: GraphQL controllers and schema per feature in
 * {@code infra.api.<feature>}, pages in {@code infra.web}, file downloads (HTTP beside GraphQL) in
 * {@code infra.export} and {@code infra.document}.
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
    void theDomainDependsOnNoWebFramework() {
        noClasses().that().resideInAnyPackage("org.ntmrecords.command..", "org.ntmrecords.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.graphql..",
                        "org.springframework.web..", "jakarta.servlet..", "graphql..")
                .check(classes);
    }

    @Test
    void graphQlControllersLiveInTheApiPackageOfTheirFeature() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideInAnyPackage("org.ntmrecords.infra.api..", "org.ntmrecords.infra.web..",
                        "org.ntmrecords.infra.export..", "org.ntmrecords.infra.document..")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that().areAnnotatedWith(org.springframework.graphql.data.method.annotation.QueryMapping.class)
                .or().areAnnotatedWith(org.springframework.graphql.data.method.annotation.MutationMapping.class)
                .or().areAnnotatedWith(org.springframework.graphql.data.method.annotation.SubscriptionMapping.class)
                .or().areAnnotatedWith(org.springframework.graphql.data.method.annotation.SchemaMapping.class)
                .or().areAnnotatedWith(org.springframework.graphql.data.method.annotation.BatchMapping.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.ntmrecords.infra.api..")
                .check(classes);
    }

    @Test
    void eachFeatureHasItsSchemaFile() throws java.io.IOException {
        java.util.Set<String> features = new java.util.TreeSet<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : classes) {
            String pkg = type.getPackageName();
            if (pkg.startsWith("org.ntmrecords.infra.api.") && type.getSimpleName().endsWith("Queries")
                    || pkg.startsWith("org.ntmrecords.infra.api.") && type.getSimpleName().endsWith("Mutations")) {
                features.add(pkg.substring("org.ntmrecords.infra.api.".length()));
            }
        }
        org.assertj.core.api.Assertions.assertThat(features).isNotEmpty().allSatisfy(feature ->
                org.assertj.core.api.Assertions.assertThat(getClass().getResource("/graphql/" + feature + ".graphqls"))
                        .as("schema file graphql/%s.graphqls", feature).isNotNull());
    }

    @Test
    void eventsAreImmutableRecordsOrValueTypes() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("org.ntmrecords.events..").and().haveSimpleNameEndingWith("Event")
                .should().beRecords()
                .check(classes);
    }
}
