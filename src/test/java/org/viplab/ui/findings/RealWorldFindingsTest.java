package org.viplab.ui.findings;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.config.ConfigImporter;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.imports.ImportedConfigs;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Findings tab on samples/configs/realworld: the one real finding (and the failover budget) and the import's notes (the sync group,
 * now simulated, and the LVS block), and no error for haproxy's stats page. A PNG lands in
 * target/screenshots for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class RealWorldFindingsTest {
    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private final AtomicReference<Topology> running = new AtomicReference<>(Presets.mode1());
    private final ImportedConfigs imported = new ImportedConfigs();
    private FindingsModel model;
    private FindingsPanel panel;

    @Start
    void start(Stage stage) {
        I18n i18n = new I18n(Locale.ENGLISH);
        model = new FindingsModel(running::get, imported, i18n, new org.viplab.ui.common.FxTaskExecutor(work));
        panel = new FindingsPanel(model, i18n, () -> stage);
        org.viplab.ui.settings.Theme.LIGHT.apply();
        Scene scene = new Scene(panel, 1300, 760);
        scene.getStylesheets().add(FindingsPanel.class.getResource("/org/viplab/ui/viplab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        work.shutdownNow();
    }

    @Test
    void theRealWorldPairShowsItsOneFindingAndItsNotes() throws Exception {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String n : List.of("db1", "db2")) dirs.put(n, Path.of("samples/configs/realworld", n));
        ConfigImporter.Result r = ConfigImporter.importNodes(dirs);
        running.set(r.topology());
        FxWait.fx(() -> {
            imported.lastProperty().set(new ImportedConfigs.Imported(dirs, r.topology(), r.notes()));
            return null;
        }, 5);
        FxWait.fx(model::run, 5).get(90, TimeUnit.SECONDS);
        List<FindingsModel.Row> rows = FxWait.fx(() -> List.copyOf(panel.list().getItems()), 5);
        List<String> rules = rows.stream().filter(x -> x.finding() != null).map(x -> x.finding().rule()).toList();
        assertEquals(List.of("notify-not-idempotent", "failover-budget-silent"), rules, rows.toString());
        assertTrue(rows.stream().anyMatch(x -> x.note() != null && x.note().message().contains("moves its members together")), rows.toString());
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        WritableImage img = FxWait.fx(() -> ((Node) panel).snapshot(null, null), 10);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve("findings-realworld.png").toFile());
    }
}
