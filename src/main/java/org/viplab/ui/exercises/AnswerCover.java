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
        Label note = new Label();
        note.textProperty().bind(i18n.bind("exercises.covered"));
        note.setWrapText(true);
        note.setMaxWidth(520);
        StackPane cover = new StackPane(note);
        cover.setId(tab.getId() + "-covered");
        cover.setAlignment(Pos.CENTER);
        // the main window fills a tab when it is first shown, so the real content may arrive while covered
        Node[] real = {tab.getContent()};
        tab.contentProperty().addListener((o, was, now) -> {
            if (now == null || now == cover) return;
            real[0] = now;
            if (hidden.get()) tab.setContent(cover);
        });
        Runnable apply = () -> {
            if (hidden.get() && real[0] != null) tab.setContent(cover);
            else if (!hidden.get() && tab.getContent() == cover) tab.setContent(real[0]);
        };
        hidden.addListener((o, a, b) -> apply.run());
        apply.run();
    }
}
