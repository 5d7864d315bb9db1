package org.viplab.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of design.md: core at the bottom, lab (the seam) on it, the engines under the seam, the UI above
 * it, and one composition root (app) that alone names the engines. JavaFX stays in ui and app.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.viplab");

    private static final String[] JAVAFX = {"javafx..", "org.jfree.chart.fx..", "org.controlsfx..", "atlantafx.."};

    @Test
    void noJavaFxOutsideTheUiAndTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages("org.viplab.ui..", "org.viplab.app..")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .because("engines, the timeline and drills must run headless")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenTopLevelPackages() {
        slices().matching("org.viplab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootDependsOnTheUi() {
        noClasses().that().resideOutsideOfPackages("org.viplab.ui..", "org.viplab.app..")
                .should().dependOnClassesThat().resideInAPackage("org.viplab.ui..")
                .check(CLASSES);
    }

    @Test
    void theUiReachesEnginesOnlyThroughTheSeam() {
        noClasses().that().resideInAPackage("org.viplab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.viplab.engine..", "org.viplab.cli..", "org.viplab.app..")
                .because("the UI asks a run what it can do (lab.LiveEngine), never which engine it is; app alone names engines")
                .check(CLASSES);
    }

    @Test
    void coreDependsOnNothingElseOfTheProject() {
        noClasses().that().resideInAPackage("org.viplab.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.viplab.lab..", "org.viplab.engine..", "org.viplab.config..", "org.viplab.drill..",
                        "org.viplab.session..", "org.viplab.report..", "org.viplab.charts..", "org.viplab.cli..",
                        "org.viplab.app..", "org.viplab.ui..", "org.viplab.observe..", "org.viplab.replay..")
                .check(CLASSES);
    }

    @Test
    void observeReadsToolOutputOnTopOfCoreOnly() {
        // what hosts and tools print is read the same way by the SSH engine and by replay: no SSH, no engine
        noClasses().that().resideInAPackage("org.viplab.observe..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.viplab.lab..", "org.viplab.engine..", "org.viplab.config..", "org.viplab.drill..",
                        "org.viplab.session..", "org.viplab.report..", "org.viplab.charts..", "org.viplab.cli..",
                        "org.viplab.app..", "org.viplab.ui..", "org.viplab.replay..")
                .check(CLASSES);
    }

    @Test
    void replayRunsNoEngine() {
        // an incident is rebuilt from files: it needs no simulator, no SSH and no window
        noClasses().that().resideInAPackage("org.viplab.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("org.viplab.engine..", "org.viplab.cli..",
                        "org.viplab.app..", "org.viplab.ui..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void theSeamKnowsNoEngine() {
        noClasses().that().resideInAPackage("org.viplab.lab..")
                .should().dependOnClassesThat().resideInAnyPackage("org.viplab.engine..", "org.viplab.cli..",
                        "org.viplab.session..", "org.viplab.drill..", "org.viplab.report..")
                .check(CLASSES);
    }

    @Test
    void theTuningAdvisorKnowsNoEngine() {
        noClasses().that().resideInAPackage("org.viplab.tune..")
                .should().dependOnClassesThat().resideInAnyPackage("org.viplab.engine..", "org.viplab.cli..",
                        "org.viplab.report..", "org.viplab.app..", "org.viplab.ui..", "org.viplab.lab..")
                .because("the advisor runs sweeps on whatever lab factory the CLI or the app hands it")
                .check(CLASSES);
    }

    @Test
    void sweepsKnowNoEngine() {
        noClasses().that().resideInAPackage("org.viplab.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("org.viplab.engine..", "org.viplab.cli..",
                        "org.viplab.report..", "org.viplab.app..")
                .because("a sweep runs any lab a factory gives it; the CLI and the app choose the simulator")
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
