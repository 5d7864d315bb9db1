package org.viplab.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Engines, timeline, drills, config and reports never depend on JavaFX or on the UI (design.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.viplab");

    @Test
    void noJavaFxOutsideTheUi() {
        noClasses().that().resideOutsideOfPackages("org.viplab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "org.controlsfx..", "atlantafx..")
                .because("engines, the timeline and drills must run headless")
                .check(CLASSES);
    }

    @Test
    void nothingButTheLauncherAndUiDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackages("org.viplab.ui..", "org.viplab.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.viplab.ui..")
                .check(CLASSES);
    }

    @Test
    void theSimulatorDoesNotKnowTheSshEngineAndTheOtherWayRound() {
        noClasses().that().resideInAPackage("org.viplab.engine.sim..")
                .should().dependOnClassesThat().resideInAPackage("org.viplab.engine.ssh..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.viplab.engine.ssh..")
                .should().dependOnClassesThat().resideInAPackage("org.viplab.engine.sim..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
