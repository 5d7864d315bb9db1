package org.viplab.ui.drills;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.viplab.drill.Drill;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.report.VerdictText;
import org.viplab.ui.common.I18n;
import org.viplab.core.util.Durations;

/** One line of the drill panel's step list: the step and its live verdict. FX thread only. */
public final class StepRow {
    private final Step step;
    private final ObjectProperty<Verdict.Status> status = new SimpleObjectProperty<>(Verdict.Status.PENDING);
    /** The judge's detail as it wrote it (English). */
    private final StringProperty raw = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    StepRow(Step step) { this(step, null, null); }

    /**
     * With {@code i18n}, the detail reads in the app's language and follows a switch; so does the step's text
     * when {@code drill} translates it.
     */
    StepRow(Step step, Drill drill, I18n i18n) {
        this.step = step;
        if (i18n == null) {
            detail.bind(raw);
            text.set(text(step.text()));
        } else {
            detail.bind(Bindings.createStringBinding(() -> VerdictText.in(i18n.locale()).detail(raw.get()), raw, i18n.localeProperty()));
            text.bind(Bindings.createStringBinding(() -> text(drill == null ? step.text() : drill.stepText(step, i18n.locale())),
                    i18n.localeProperty()));
        }
    }

    public Step step() { return step; }

    /** "t = 2s   stop db1/mysqld" (or the drill's translation after the time); whole-drill expectations have no time. */
    public String text() { return text.get(); }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    private String text(String what) {
        boolean whole = step instanceof Step.ExpectStep e && e.wholeDrill();
        return (whole ? "" : "t = " + Durations.format(step.anchorUs()) + "   ") + what;
    }

    public boolean isAction() { return step instanceof Step.ActionStep; }

    public ReadOnlyObjectProperty<Verdict.Status> statusProperty() { return status; }

    public Verdict.Status status() { return status.get(); }

    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    void show(Verdict v) {
        status.set(v.status());
        raw.set(v.detail());
    }

    void clear() {
        status.set(Verdict.Status.PENDING);
        raw.set("");
    }
}
