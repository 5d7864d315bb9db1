package org.viplab.ui.why;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.common.I18n;

import java.util.List;
import java.util.function.Consumer;

/**
 * The "why" panel beside the event list: the chain of causes of the selected event, one numbered line per
 * link ("3. 37.810 s (+2.010 s) db1: ..."). Clicking a line hands its event to {@code pick} (the list selects
 * it); while the selection stays inside the chain shown, the chain stays and only the line is highlighted.
 */
public final class WhyPanel extends VBox {
    private final I18n i18n;
    private final Consumer<LabEvent> pick;
    private final Label title = new Label();
    private final javafx.beans.property.BooleanProperty inferred = new javafx.beans.property.SimpleBooleanProperty();
    private final ListView<WhyModel.Line> list = new ListView<>();
    private final ObservableList<WhyModel.Line> lines = FXCollections.observableArrayList();
    private Timeline timeline;
    private LabEvent shown;
    private boolean updating; // our own selection changes are not a user's click

    /** True while the run's causes are inferred (anything but the simulator): the title says so. */
    public javafx.beans.property.BooleanProperty inferredProperty() { return inferred; }

    public WhyPanel(I18n i18n, Consumer<LabEvent> pick) {
        this.i18n = i18n;
        this.pick = pick;
        setId("why-panel");
        getStyleClass().add("why-panel");
        title.setId("why-title");
        title.setStyle("-fx-font-weight: bold");
        // real hosts, their recordings and replayed incidents show causes linked from what was observed, not known
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get(inferred.get() ? "why.title.inferred" : "why.title"), inferred, i18n.localeProperty()));
        list.setId("why-lines");
        list.setItems(lines);
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(i18n.bind("why.empty"));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
            @Override protected void updateItem(WhyModel.Line l, boolean isEmpty) {
                super.updateItem(l, isEmpty);
                setText(isEmpty || l == null ? null : text(l));
                setWrapText(false);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> {
            if (!updating && l != null) pick.accept(l.event());
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        setSpacing(4);
        setPadding(new Insets(4));
        getChildren().addAll(title, list);
        i18n.localeProperty().addListener((o, a, b) -> recompute());
    }

    /** One line as shown: the root without a delta, every later link with the time since the one before. */
    String text(WhyModel.Line l) {
        return l.delta() == null ? i18n.get("why.line.root", l.number(), l.time(), l.host(), l.text())
                : i18n.get("why.line", l.number(), l.time(), l.delta(), l.host(), l.text());
    }

    /** Follows a new run's timeline (ids are its append indexes); forgets what was shown. */
    public void attach(Timeline t) {
        timeline = t;
        shown = null;
        setLines(List.of(), null);
    }

    /** Shows why {@code e} happened; a link of the chain already shown only moves the highlight. */
    public void show(LabEvent e) {
        for (WhyModel.Line l : lines) {
            if (l.event() == e) {
                highlight(l);
                return;
            }
        }
        shown = e;
        recompute();
    }

    private void recompute() {
        List<WhyModel.Line> fresh = WhyModel.lines(timeline, shown, EventFormatter.of(i18n.locale()));
        setLines(fresh, fresh.isEmpty() ? null : fresh.get(fresh.size() - 1));
    }

    private void setLines(List<WhyModel.Line> fresh, WhyModel.Line selected) {
        updating = true;
        try {
            lines.setAll(fresh);
            if (selected != null) highlight(selected);
        } finally {
            updating = false;
        }
    }

    private void highlight(WhyModel.Line l) {
        boolean was = updating;
        updating = true;
        try {
            list.getSelectionModel().select(l);
            list.scrollTo(l);
        } finally {
            updating = was;
        }
    }

    /** The lines shown now, as the reader sees them (for tests and copying). */
    public List<String> texts() { return lines.stream().map(this::text).toList(); }

    public List<WhyModel.Line> lines() { return List.copyOf(lines); }

    public ListView<WhyModel.Line> listView() { return list; }
}
