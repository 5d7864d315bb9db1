package org.viplab.ui.main;

import org.viplab.core.util.Failures;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.DirectoryChooser;
import org.viplab.drill.DrillResult;
import org.viplab.report.ReportWriter;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.findings.FindingsModel;
import org.viplab.ui.findings.FindingsPanel;
import org.viplab.ui.imports.ImportDialog;
import org.viplab.ui.imports.ImportedConfigs;
import org.viplab.ui.reports.ReportExport;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Puts the config and report features into the main window: File > Import configs…, File > Export report…,
 * Lab > Lint configs… and the Findings tab. Lint proofs and report writing take seconds, so they get their own
 * worker thread rather than the window's I/O thread (which stays free for quick saves).
 */
public final class AppFeatures implements AutoCloseable {
    private final MainWindow window;
    private final LabControls controls;
    private final I18n i18n;
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "viplab-work");
        t.setDaemon(true);
        return t;
    });
    private final ImportedConfigs imported = new ImportedConfigs();
    private final FindingsModel findings;
    private final FindingsPanel findingsPanel;
    private final Tab findingsTab = new Tab();
    private final ReportExport reports;
    private Consumer<String> documentOpener = uri -> { };
    private Path lastReportDir;
    /** The finished drill's result while its run is still the live one; FX thread. */
    private DrillResult drillResult;
    private String lastExportedDrill;

    public AppFeatures(MainWindow window, LabControls controls, I18n i18n) {
        this.window = window;
        this.controls = controls;
        this.i18n = i18n;
        findings = new FindingsModel(controls::topologyCopy, imported, i18n, new org.viplab.ui.common.FxTaskExecutor(work));
        findingsPanel = new FindingsPanel(findings, i18n, () -> window.stage());
        reports = new ReportExport(controls.lab(), i18n, new org.viplab.ui.common.FxTaskExecutor(work));

        findingsTab.setId("tab-findings");
        // "Findings (5)": errors and warnings of the last lint, so they are noticed without opening the tab.
        findingsTab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            long n = findings.findings().stream().filter(f -> f.severity() != org.viplab.config.lint.Severity.INFO).count();
            return n == 0 ? i18n.get("tab.findings") : i18n.get("tab.findings.count", n);
        }, i18n.localeProperty(), findings.rows()));
        findingsTab.setContent(findingsPanel);
        window.bottomTabs().getTabs().add(findingsTab);

        MenuSections menus = window.menuSections();
        menus.add(MenuSections.Section.FILE_IMPORT, item("menu.file.importConfigs", this::showImportDialog));
        menus.add(MenuSections.Section.FILE_SESSIONS, item("menu.file.openIncident", () -> incidentDialog().show()));
        MenuItem export = item("menu.file.exportReport", () -> chooseAndExportReport(reportSubject()));
        export.disableProperty().bind(reports.busyProperty());
        menus.add(MenuSections.Section.FILE_EXPORT, export);
        MenuItem lint = item("menu.lab.lint", this::lintNow);
        lint.disableProperty().bind(findings.busyProperty());
        menus.add(MenuSections.Section.LAB_CHECKS, lint);
        // A drill that finished on the running lab: File > Export report writes its report, verdicts and all,
        // until the lab restarts (a new run, mode, import or drill).
        if (window.drillPanel() != null) {
            window.drillPanel().model().lastResultProperty().addListener((o, a, r) -> { if (r != null) drillResult = r; });
        }
        controls.lab().addRunListener((timeline, topology) -> javafx.application.Platform.runLater(() -> drillResult = null));
        // A busy status bar while the long jobs run.
        Runnable progress = () -> window.statusBarControl().setProgress(findings.busyProperty().get() || reports.busyProperty().get() ? -1 : 0);
        findings.busyProperty().addListener((o, a, b) -> progress.run());
        reports.busyProperty().addListener((o, a, b) -> progress.run());
    }

    /** What File > Export report writes: the drill that finished on the running lab, or null for the live run itself. */
    public DrillResult reportSubject() { return drillResult; }

    /** How report.html is opened (the app's HostServices::showDocument). */
    public void setDocumentOpener(Consumer<String> opener) { documentOpener = opener; }

    public ImportedConfigs imported() { return imported; }

    public FindingsPanel findingsPanel() { return findingsPanel; }

    public Tab findingsTab() { return findingsTab; }

    public ReportExport reports() { return reports; }

    /** A fresh import dialog (not shown) whose success resets the lab to the imported topology. */
    public ImportDialog importDialog() {
        ImportDialog d = new ImportDialog(window.stage(), i18n, new org.viplab.ui.common.FxTaskExecutor(work), this::imported);
        // Offer the directories of the last import again: a fixed file is usually re-imported from the same place.
        ImportedConfigs.Imported last = imported.lastProperty().get();
        if (last != null) last.dirs().forEach((node, dir) -> { if (ImportDialog.NODES.contains(node)) d.setDir(node, dir); });
        return d;
    }

    private void showImportDialog() { importDialog().show(); }

    /** A fresh File > Open incident… dialog (not shown); Open shows the incident read-only in the window. */
    public org.viplab.ui.incidents.IncidentDialog incidentDialog() {
        org.viplab.ui.incidents.IncidentOpening opening = new org.viplab.ui.incidents.IncidentOpening(i18n::locale);
        return new org.viplab.ui.incidents.IncidentDialog(window.stage(), i18n, new org.viplab.ui.common.FxTaskExecutor(work), opening, this::openIncident);
    }

    /** Shows a replayed incident instead of the simulation, read-only, as a recorded session is shown. */
    private void openIncident(org.viplab.ui.incidents.IncidentOpening.Opened o) {
        if (controls.lab().can(org.viplab.lab.Capability.CONNECTED)) {
            controls.status("drills.session.disconnectFirst"); // real hosts stay on screen until disconnected, as for sessions
            return;
        }
        CompletableFuture<Void> shown = controls.useAway(o.run());
        controls.status("incident.opened", o.events().size(), String.format(java.util.Locale.ROOT, "%.1f", o.endUs() / 1e6), o.failovers());
        if (o.configs() == null) return;
        // the hosts' own files as imported: lint points at them (file:line) while the incident is the run shown
        ImportedConfigs.Imported imp = new ImportedConfigs.Imported(o.configs().dirs(), o.topology(), o.configs().notes());
        shown.whenComplete((v, err) -> javafx.application.Platform.runLater(() -> {
            if (err != null) return;
            imported.lastProperty().set(imp);
            if (!findings.busyProperty().get()) findings.run();
        }));
    }

    /** Resets the live simulation to what was imported and remembers the directories for lint. */
    private void imported(ImportedConfigs.Imported imp) {
        imported.lastProperty().set(imp);
        String nodes = String.join(", ", imp.dirs().keySet());
        String mode = imp.topology().mode.shortName(); // language-neutral: the status is retranslated on a switch
        String key = imp.notes().isEmpty() ? "import.applied" : "import.appliedNotes";
        Object[] args = {nodes, mode, imp.topology().vip, imp.notes().size()};
        controls.applySettings(imp.topology(), i18n.get(key, args));
        // The same words again as a status that follows a language switch (the timeline keeps the first).
        if (controls.topologyProperty().get() == imp.topology()) controls.status(key, args);
        // Lint the imported files at once (well under a second): the Findings tab is ready when opened.
        if (!findings.busyProperty().get()) findings.run();
    }

    /** Shows the Findings tab and lints what runs now. */
    public CompletableFuture<java.util.List<FindingsModel.Row>> lintNow() {
        window.bottomTabs().getSelectionModel().select(findingsTab);
        return findings.run();
    }

    /** Asks for a directory and writes the report of {@code result} there (null: the live run), then offers to open it. */
    public void chooseAndExportReport(DrillResult result) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(i18n.get("report.export.title"));
        if (lastReportDir != null && lastReportDir.getParent() != null && lastReportDir.getParent().toFile().isDirectory()) {
            dc.setInitialDirectory(lastReportDir.getParent().toFile());
        }
        File d = dc.showDialog(window.stage());
        if (d == null) return;
        exportReport(result, d.toPath(), true);
    }

    /**
     * Writes the report of {@code result} (null: the live run) into {@code dir}; with {@code offerToOpen} asks
     * whether to open report.html afterwards. The drill panel can call this with its finished drill's result.
     */
    public CompletableFuture<ReportWriter.Written> exportReport(DrillResult result, Path dir, boolean offerToOpen) {
        lastReportDir = dir;
        lastExportedDrill = result == null ? null : result.drill().name();
        controls.status("report.export.working", dir);
        CompletableFuture<ReportWriter.Written> f = result == null ? reports.exportLive(dir) : reports.export(result, dir);
        // Platform.runLater even though f completes on the FX thread: a caller waiting in get() can run dependents itself.
        f.whenComplete((w, err) -> javafx.application.Platform.runLater(() -> {
            if (err != null) {
                controls.status("status.error", Failures.text(err));
                return;
            }
            controls.status("report.export.done", dir, w.totalMillis());
            if (offerToOpen) offerToOpen(w);
        }));
        return f;
    }

    private void offerToOpen(ReportWriter.Written w) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(window.stage());
        a.setTitle(i18n.get("report.export.title"));
        a.setHeaderText(w.dir() != null && lastExportedDrill != null ? i18n.get("report.export.doneHeaderDrill", lastExportedDrill)
                : i18n.get("report.export.doneHeader"));
        StringBuilder text = new StringBuilder(i18n.get("report.export.doneText", w.dir(), w.totalMillis()));
        for (String warning : w.warnings()) text.append("\n").append(warning);
        a.setContentText(text.toString());
        ButtonType open = new ButtonType(i18n.get("report.export.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(open, close);
        a.setOnHidden(e -> {
            if (a.getResult() == open) documentOpener.accept(w.dir().resolve(ReportWriter.HTML).toUri().toString());
        });
        a.show();
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem i = new MenuItem();
        i.textProperty().bind(i18n.bind(key));
        i.setId(key.replace('.', '-'));
        i.setOnAction(e -> action.run());
        return i;
    }

    @Override
    public void close() {
        work.shutdownNow();
        findings.close();
    }
}
