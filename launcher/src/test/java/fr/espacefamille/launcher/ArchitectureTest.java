package fr.espacefamille.launcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The two sides share only the published language and the platform. */
@AnalyzeClasses(packages = "fr.espacefamille", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideDoesNotUseTheCommandSide = noClasses()
            .that().resideInAPackage("fr.espacefamille.query..")
            .should().dependOnClassesThat().resideInAPackage("fr.espacefamille.command..");

    @ArchTest
    static final ArchRule commandSideDoesNotUseTheQuerySide = noClasses()
            .that().resideInAPackage("fr.espacefamille.command..")
            .should().dependOnClassesThat().resideInAPackage("fr.espacefamille.query..");

    @ArchTest
    static final ArchRule publishedLanguageStaysFreeOfFrameworks = noClasses()
            .that().resideInAPackage("fr.espacefamille.events..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml..",
                    "fr.espacefamille.platform..", "fr.espacefamille.command..", "fr.espacefamille.query..");

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that().resideInAPackage("fr.espacefamille.platform..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("fr.espacefamille.command..", "fr.espacefamille.query..");
}
