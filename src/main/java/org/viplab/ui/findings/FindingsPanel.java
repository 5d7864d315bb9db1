package org.viplab.ui.findings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.viplab.config.SourcePos;
import org.viplab.config.lint.Finding;
import org.viplab.config.lint.Severity;
import org.viplab.ui.common.I18n;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The Findings tab: a Lint button, a spinner while the simulator proves the findings, and one entry per
 * finding with its severity icon and colour, file:line, message, why, fix and what the simulator showed;
 * importer notes follow in grey. A double-click opens the file at the finding's line.
 */
public final class FindingsPanel extends VBox {
    private final FindingsModel model;
    private final I18n i18n;
    private final ListView<FindingsModel.Row> list = new ListView<>();
    private final Supplier<Window> owner;

    public FindingsPanel(FindingsModel model, I18n i18n, Supplier<Window> owner) {
        this.model = model;
        this.i18n = i18n;
        this.owner = owner;
        setId("findings-panel");
        getStyleClass().add("findings-panel");
        getStylesheets().add(FindingsPanel.class.getResource("/org/viplab/ui/findings/findings.css").toExternalForm());

        Button run = new Button();
        run.setId("lint-run");
        run.textProperty().bind(i18n.bind("findings.run"));
        run.setGraphic(new FontIcon(Material2AL.FACT_CHECK));
        run.disableProperty().bind(model.busyProperty());
        run.setOnAction(e -> model.run());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("lint-progress");
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        Label summary = new Label();
        summary.setId("lint-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Label source = new Label();
        source.setId("lint-source");
        source.getStyleClass().add("findings-source");
        source.textProperty().bind(model.sourceProperty());
        source.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, run, progress, summary, spacer, source);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("findings-bar");
        bar.setPadding(new Insets(4, 6, 4, 6));

        list.setId("findings-list");
        list.setItems(model.rows());
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("findings.placeholder"));
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(l -> new RowCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) openSelected();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) openSelected();
        });
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem();
        copy.setId("findings-copy");
        copy.textProperty().bind(i18n.bind("findings.copy"));
        copy.setOnAction(e -> copySelected());
        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem();
        open.setId("findings-open");
        open.textProperty().bind(i18n.bind("findings.open"));
        open.setOnAction(e -> openSelected());
        list.setContextMenu(new javafx.scene.control.ContextMenu(copy, open));
        list.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.C) copySelected();
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
        // Cells are built in the language of the moment; redraw them on a switch.
        // New cells have new heights, which moves the list: keep the first entry in view where it was.
        i18n.localeProperty().addListener((o, a, b) -> {
            int keep = firstVisibleIndex();
            list.setCellFactory(l -> new RowCell());
            if (keep >= 0) javafx.application.Platform.runLater(() -> list.scrollTo(keep));
        });
    }

    public ListView<FindingsModel.Row> list() { return list; }

    /** The index of the topmost entry in view, or -1. */
    int firstVisibleIndex() {
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            return flow.getFirstVisibleCell().getIndex();
        }
        return -1;
    }

    public FindingsModel model() { return model; }

    /** Opens the selected row's file at its line; false when it has no readable file. */
    public boolean openSelected() {
        FindingsModel.Row r = list.getSelectionModel().getSelectedItem();
        if (r == null) return false;
        SourcePos pos = r.finding() != null ? r.finding().pos() : r.note().pos();
        if (pos == null) return false;
        Path file = Path.of(pos.file());
        if (!Files.isRegularFile(file)) return false;
        SourceViewer.show(owner.get(), file, pos.line(), i18n);
        return true;
    }

    /** Copies the selected entry as the command line prints it, in the app's language (for a ticket or a chat); null when none. */
    public String copySelected() {
        FindingsModel.Row r = list.getSelectionModel().getSelectedItem();
        if (r == null) return null;
        String text = r.finding() != null ? r.finding().toText(i18n.locale()) : r.note().pos() + ": "
                + org.viplab.config.ConfigText.of("config.label.note").render(i18n.locale()) + " " + r.note().message(i18n.locale()) + "\n";
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        return text;
    }

    /** The colour class and icon of a severity; notes are grey. */
    static String styleClass(Severity s) {
        return s == null ? "finding-note" : "finding-" + s.id();
    }

    private static FontIcon icon(Severity s) {
        FontIcon i = new FontIcon(s == null ? Material2MZ.NOTES : switch (s) {
            case ERROR -> Material2AL.ERROR;
            case WARNING -> Material2MZ.WARNING;
            case INFO -> Material2AL.INFO;
        });
        i.getStyleClass().add("finding-icon");
        i.setIconSize(20);
        return i;
    }

    private final class RowCell extends ListCell<FindingsModel.Row> {
        @Override
        protected void updateItem(FindingsModel.Row r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeIf(c -> c.startsWith("finding-"));
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            Severity sev = r.finding() != null ? r.finding().severity() : null;
            getStyleClass().add(styleClass(sev));
            SourcePos pos = r.finding() != null ? r.finding().pos() : r.note().pos();
            String sevText = i18n.get(sev == null ? "findings.severity.note" : "findings.severity." + sev.id());
            java.util.Locale lang = i18n.locale();
            Label head = new Label(r.finding() != null ? r.finding().message(lang) : r.note().message(lang));
            head.getStyleClass().add("finding-message");
            head.setWrapText(true);
            head.setMinHeight(Region.USE_PREF_SIZE);
            Label where = new Label(sevText + (r.finding() != null ? "  [" + r.finding().rule() + "]" : "") + "  " + location(pos));
            where.getStyleClass().add("finding-where");
            VBox text = new VBox(2, head, where);
            if (r.finding() != null) {
                Finding f = r.finding();
                text.getChildren().add(line("findings.why", f.why(lang)));
                text.getChildren().add(line("findings.fix", f.fix(lang)));
                if (f.proofText() != null) text.getChildren().add(line("findings.simulated", f.proof(lang)));
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            text.prefWidthProperty().bind(list.widthProperty().subtract(70));
            HBox box = new HBox(8, icon(sev), text);
            box.setAlignment(Pos.TOP_LEFT);
            setGraphic(box);
        }

        private TextFlow line(String key, String value) {
            Text k = new Text(i18n.get(key) + "  ");
            k.getStyleClass().addAll("finding-key");
            Text v = new Text(value);
            v.getStyleClass().add("finding-value");
            TextFlow t = new TextFlow(k, v);
            t.getStyleClass().add("finding-line");
            return t;
        }
    }

    /** file:line with the file shortened to its last two parts (node directory and file name). */
    static String location(SourcePos pos) {
        if (pos == null) return "";
        Path p = Path.of(pos.file());
        int n = p.getNameCount();
        String shortName = n >= 2 ? p.subpath(n - 2, n).toString() : pos.file();
        return shortName + ":" + pos.line();
    }
}
