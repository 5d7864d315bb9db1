package org.viplab.ui.findings;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.viplab.ui.common.I18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A read-only view of a config file with line numbers, scrolled to and selecting one line. */
public final class SourceViewer {
    private SourceViewer() { }

    /** The text shown: every line numbered, as in an editor's gutter. */
    static String numbered(List<String> lines) {
        int width = String.valueOf(Math.max(1, lines.size())).length();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) b.append(String.format("%" + width + "d  %s%n", i + 1, lines.get(i)));
        return b.toString();
    }

    public static Dialog<Void> show(Window owner, Path file, int line, I18n i18n) {
        Dialog<Void> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(i18n.get("findings.viewer.title", file.getFileName(), line));
        d.setResizable(true);
        TextArea area = new TextArea();
        area.setId("source-viewer");
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace;");
        area.setPrefSize(760, 480);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            lines = List.of(i18n.get("findings.viewer.unreadable", file, e.getMessage()));
        }
        String text = numbered(lines);
        area.setText(text);
        d.getDialogPane().setHeaderText(file.toString());
        d.getDialogPane().setContent(area);
        // Our own Close, in the app's language (JavaFX's follows the JVM's locale).
        d.getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        int target = Math.max(1, Math.min(line, lines.size()));
        int start = 0;
        for (int i = 1; i < target; i++) start = text.indexOf('\n', start) + 1;
        int end = text.indexOf('\n', start);
        int s = start;
        int e = end < 0 ? text.length() : end;
        d.setOnShown(ev -> Platform.runLater(() -> {
            area.requestFocus();
            area.selectRange(s, e);
            area.setScrollTop(Math.max(0, (target - 5)) * area.getFont().getSize() * 1.35);
        }));
        d.show();
        return d;
    }
}
