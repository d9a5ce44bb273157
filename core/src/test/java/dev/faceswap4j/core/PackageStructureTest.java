package dev.faceswap4j.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's packages depend on each other one way only: no cycle between any two (a package with its sub-packages is
 * one slice), and {@code face} — finder, chips, descriptors, tracks, face window, the alignments records — is the
 * bottom layer the stages build on.
 */
@AnalyzeClasses(packages = "dev.faceswap4j.core", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching("dev.faceswap4j.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule facesAreTheBottomLayer = noClasses().that().resideInAPackage("dev.faceswap4j.core.face..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.faceswap4j.core.people..", "dev.faceswap4j.core.extract..",
                    "dev.faceswap4j.core.convert..", "dev.faceswap4j.core.train..", "dev.faceswap4j.core.compare..",
                    "dev.faceswap4j.core.evaluate..", "dev.faceswap4j.core.pipeline..");
}
