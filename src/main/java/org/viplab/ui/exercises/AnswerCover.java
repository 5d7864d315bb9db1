package org.viplab.ui.exercises;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.StackPane;
import org.viplab.ui.common.I18n;

/**
 * Covers a tab whose content would give an exercise's answer away (the settings, the configs, the lint findings
 * show the hidden fault as plain text) with a note saying why, while {@code hidden} holds. The tab stays in place so
 * the window's layout does not jump; its content comes back untouched when the exercise is solved or the trainer
 * mode is on.
 */
public final class AnswerCover {
    private AnswerCover() { }

    public static void cover(Tab tab, ObservableBooleanValue hidden, I18n i18n) {
        Node content = tab.getContent();
        Label note = new Label();
        note.textProperty().bind(i18n.bind("exercises.covered"));
        note.setWrapText(true);
        note.setMaxWidth(520);
        StackPane cover = new StackPane(note);
        cover.setId(tab.getId() + "-covered");
        cover.setAlignment(Pos.CENTER);
        Runnable apply = () -> tab.setContent(hidden.get() ? cover : content);
        hidden.addListener((o, a, b) -> apply.run());
        apply.run();
    }
}
