package org.imagesearch.ledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The walls between the modules. "Fail on empty should" stays on (ArchUnit's default), so a rule
 * that matches no class fails instead of passing.
 */
class ArchitectureTest {

    private static final String API = "org.imagesearch.ledger.api..";
    private static final String COMMAND = "org.imagesearch.ledger.command..";
    private static final String QUERY = "org.imagesearch.ledger.query..";
    private static final String APP = "org.imagesearch.ledger.app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.imagesearch.ledger");
    }

    @Test
    void thePublishedLanguageDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, APP)
                .check(classes);
    }

    @Test
    void thePublishedLanguageHasNoSpringAndNoJpa() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "javax.persistence..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void theCommandSideNeverImportsTheQuerySide() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY, APP)
                .check(classes);
    }

    @Test
    void theQuerySideNeverImportsTheCommandSide() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, APP)
                .check(classes);
    }

    @Test
    void eventsAreRecordsWithARevision() {
        classes().that().resideInAPackage(API).and().haveSimpleNameEndingWith("ed")
                .and().areNotEnums()
                .should().beRecords()
                .andShould().beAnnotatedWith(org.axonframework.serialization.Revision.class)
                .check(classes);
    }

    @Test
    void projectionsNameTheirProcessingGroup() {
        classes().that().resideInAPackage(QUERY).and().haveSimpleNameEndingWith("Projection")
                .should().beAnnotatedWith(org.axonframework.config.ProcessingGroup.class)
                .check(classes);
    }
}
