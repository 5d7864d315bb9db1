package org.viplab.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The controls of a long job that runs off the FX thread (a sweep, a tuning search): Run (disabled while running),
 * Cancel (enabled only while running), a progress bar that takes the row's spare width, and a wrapped state line.
 * Ids and texts follow one prefix: {@code sweep-run} / {@code sweep.run}, {@code sweep-cancel},
 * {@code sweep-progress}, {@code sweep-state}.
 */
public final class RunControls {
    public final Button run;
    public final Button cancel;
    public final ProgressBar bar;
    public final Label state;

    public RunControls(I18n i18n, String prefix, ObservableBooleanValue running, ObservableNumberValue progress,
                       ObservableStringValue stateText, Runnable onRun, Runnable onCancel) {
        run = button(i18n, prefix, "run");
        run.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(running::get, running));
        run.setOnAction(e -> onRun.run());
        cancel = button(i18n, prefix, "cancel");
        cancel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !running.get(), running));
        cancel.setOnAction(e -> onCancel.run());
        bar = new ProgressBar();
        bar.setId(prefix + "-progress");
        bar.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(progress::doubleValue, progress));
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        state = new Label();
        state.setId(prefix + "-state");
        state.textProperty().bind(stateText);
        state.setWrapText(true);
    }

    /** Run, Cancel and the progress bar in one row. */
    public HBox row() { return new HBox(8, run, cancel, bar); }

    private static Button button(I18n i18n, String prefix, String what) {
        Button b = new Button();
        b.setId(prefix + "-" + what);
        b.textProperty().bind(i18n.bind(prefix + "." + what));
        return b;
    }
}
