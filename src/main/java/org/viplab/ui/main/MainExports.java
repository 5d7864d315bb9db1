package org.viplab.ui.main;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.viplab.core.util.AtomicFiles;
import org.viplab.ui.common.I18n;
import org.viplab.ui.controls.LabControls;
import org.viplab.ui.events.EventListView;
import org.viplab.ui.topology.TopologyView;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** File > Export: the shown events as CSV and the drawing as PNG, chosen on the FX thread and written in the background. */
final class MainExports {
    private final Stage stage;
    private final I18n i18n;
    private final LabControls controls;
    private EventListView events;
    private final TopologyView topology;
    private final Executor background;

    MainExports(Stage stage, I18n i18n, LabControls controls, EventListView events, TopologyView topology, Executor background) {
        this.stage = stage;
        this.i18n = i18n;
        this.controls = controls;
        this.events = events;
        this.topology = topology;
        this.background = background;
    }

    /** The event list takes the CSV export as its button's action, so it is made after this. */
    void setEvents(EventListView events) { this.events = events; }

    void chooseAndExportCsv() {
        File f = choose("menu.file.exportCsv", "viplab-events.csv", "CSV", "*.csv");
        if (f != null) exportCsv(f.toPath());
    }

    void chooseAndExportPng() {
        File f = choose("menu.file.exportPng", "viplab-topology.png", "PNG", "*.png");
        if (f != null) exportDrawingPng(f.toPath());
    }

    private File choose(String titleKey, String initialName, String kind, String glob) {
        FileChooser fc = new FileChooser();
        fc.setTitle(i18n.get(titleKey));
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, glob));
        return fc.showSaveDialog(stage);
    }

    /** Writes the shown events as CSV; the text is taken on the FX thread, the file written in the background. */
    CompletableFuture<Path> exportCsv(Path file) {
        String csv = events.csv();
        return written(CompletableFuture.supplyAsync(() -> {
            try {
                EventListView.writeCsv(file, csv);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background));
    }

    /** Writes the drawing as PNG; snapshot on the FX thread, encoding and writing in the background. */
    CompletableFuture<Path> exportDrawingPng(Path file) {
        WritableImage img = topology.snapshotDrawing();
        return written(CompletableFuture.supplyAsync(() -> {
            try {
                BufferedImage b = SwingFXUtils.fromFXImage(img, null);
                AtomicFiles.write(file, out -> ImageIO.write(b, "png", out));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background));
    }

    private CompletableFuture<Path> written(CompletableFuture<Path> f) {
        f.whenComplete((p, err) -> Platform.runLater(() -> {
            if (err == null) controls.status("status.saved", p.toString());
            else controls.status("status.error", err.getCause() != null ? err.getCause().getMessage() : err.getMessage());
        }));
        return f;
    }
}
