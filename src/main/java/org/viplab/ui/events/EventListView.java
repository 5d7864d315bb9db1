package org.viplab.ui.events;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.controlsfx.control.CheckComboBox;
import org.viplab.core.text.EventCsv;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.HostViewModel;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.why.WhyPanel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.viplab.core.util.AtomicFiles;

/**
 * The event list, like Packet Tracer's: time, host, source, event, details; filters per host and per kind,
 * a search over every column, follow-the-end, and CSV export (written off the FX thread by the caller).
 */
public final class EventListView extends BorderPane {
    /**
     * A filter entry, not an event kind: the adverts of priority 0, by which a master hands the VIP over. Shown
     * by default (they explain failovers), while the other adverts, ten to a second, are not.
     */
    public static final String ZERO_ADVERTS = "advert0";

    /** Every kind the engines emit, in the order the filter offers them. */
    public static final List<String> KINDS = List.of("action", "vip", "vrrp-state", "priority", ZERO_ADVERTS, "advert", "process",
            "script", "haproxy-check", "link", "garp", "arp", "probe", "log", "replication", "host");

    private final I18n i18n;
    private final LabViewModel vm;
    private final ShownEvents filtered;
    private final TableView<LabEvent> table = new TableView<>();
    private final CheckComboBox<String> hostFilter = new CheckComboBox<>();
    private final CheckComboBox<String> kindFilter = new CheckComboBox<>();
    private final TextField search = new TextField();
    private final CheckBox follow = new CheckBox();
    private final Label count = new Label();
    private boolean scrollPending;
    private final WhyPanel why;

    public EventListView(LabViewModel vm, I18n i18n, Runnable exportCsv) {
        this.vm = vm;
        this.i18n = i18n;
        setId("event-list");
        filtered = new ShownEvents(vm.events());
        table.setItems(filtered);
        table.setId("event-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("events.col.time", e -> TimeText.seconds(e.timeUs()), 90, "time-cell"));
        table.getColumns().add(column("events.col.host", LabEvent::host, 70, null));
        table.getColumns().add(column("events.col.source", e -> text().source(e), 90, null));
        table.getColumns().add(column("events.col.event", e -> text().kind(e.kind()), 120, null));
        table.getColumns().add(column("events.col.details", e -> text().details(e), 500, null));
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("events.empty"));
        table.setPlaceholder(empty);

        hostFilter.setId("event-host-filter");
        kindFilter.setId("event-kind-filter");
        kindFilter.getItems().setAll(KINDS);
        kindFilter.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String k) { return k == null ? "" : text().kind(k); }

            @Override public String fromString(String s) { return s; }
        });
        // Adverts and probes come ten to a second: hidden until asked for, so the list reads like a story
        // (priority-0 adverts, part of every failover's story, stay in it).
        for (String k : KINDS) if (!k.equals("advert") && !k.equals("probe")) kindFilter.getCheckModel().check(k);
        vm.hosts().addListener((ListChangeListener<HostViewModel>) c -> refreshHosts());
        refreshHosts();
        hostFilter.titleProperty().bind(i18n.bind("events.hosts"));
        kindFilter.titleProperty().bind(i18n.bind("events.kinds"));
        hostFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> refilter());
        kindFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> refilter());

        search.setId("event-search");
        search.promptTextProperty().bind(i18n.bind("events.search"));
        search.textProperty().addListener((o, a, b) -> refilter());
        follow.setId("event-follow");
        follow.textProperty().bind(i18n.bind("events.follow"));
        follow.setSelected(true);
        // the total moves with every event, shown or hidden (adverts and probes are hidden by default)
        vm.events().addListener((ListChangeListener<LabEvent>) c -> count.setText(i18n.get("events.count", filtered.size(), vm.events().size())));
        filtered.addListener((ListChangeListener<LabEvent>) c -> {
            count.setText(i18n.get("events.count", filtered.size(), vm.events().size()));
            if (follow.isSelected() && !scrollPending) {
                // After the table has laid out the new rows; at most once per batch.
                scrollPending = true;
                javafx.application.Platform.runLater(() -> {
                    scrollPending = false;
                    if (!filtered.isEmpty()) table.scrollTo(filtered.size() - 1);
                });
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            // CheckComboBox's skin redraws its title only when the checks change: nudge it.
            retitle(hostFilter);
            retitle(kindFilter);
            count.setText(i18n.get("events.count", filtered.size(), vm.events().size()));
            table.refresh();
        });
        Button export = new Button();
        export.setId("event-export");
        export.textProperty().bind(i18n.bind("events.exportCsv"));
        export.setOnAction(e -> exportCsv.run());
        count.setId("event-count");
        Button previous = new Button();
        previous.setId("event-previous");
        // arrows with their words as tooltips, as in the toolbar: the bar stays short at 200 %
        previous.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.NAVIGATE_BEFORE));
        previous.setTooltip(tooltip("events.previous"));
        previous.setOnAction(e -> selectPrevious());
        Button next = new Button();
        next.setId("event-next");
        next.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.NAVIGATE_NEXT));
        next.setTooltip(tooltip("events.next"));
        next.setOnAction(e -> selectNext());
        // A flow, not a row: at 200 % or in a narrow window the filters wrap onto a second line instead of cutting
        // Previous, Next and Export CSV to "..." (each keeps at least the width of its words).
        search.setPrefColumnCount(10);
        for (javafx.scene.control.Control c : List.of(hostFilter, kindFilter, search, follow, previous, next, count, export)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 2, hostFilter, kindFilter, search, follow, previous, next, count, export);
        bar.setId("event-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 4, 2, 4));
        setTop(bar);
        why = new WhyPanel(i18n, this::select);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> { if (e != null) why.show(e); });
        SplitPane split = new SplitPane(table, why);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(why, false);
        setCenter(split);
        refilter();
    }

    private javafx.scene.control.Tooltip tooltip(String key) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip();
        t.textProperty().bind(i18n.bind(key));
        return t;
    }

    private static void retitle(CheckComboBox<String> box) {
        if (box.getItems().isEmpty()) return;
        box.getCheckModel().toggleCheckState(0);
        box.getCheckModel().toggleCheckState(0);
    }

    private void refreshHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (HostViewModel h : vm.hosts()) hosts.add(h.name());
        hosts.add(LabEvent.CLIENT);
        hosts.add(LabEvent.LAB);
        if (hosts.equals(new LinkedHashSet<>(hostFilter.getItems()))) return;
        hostFilter.getItems().setAll(hosts);
        for (String h : hosts) hostFilter.getCheckModel().check(h);
    }

    private void refilter() {
        Set<String> hosts = Set.copyOf(hostFilter.getCheckModel().getCheckedItems());
        Set<String> kinds = Set.copyOf(kindFilter.getCheckModel().getCheckedItems());
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        boolean zeroAdverts = kinds.contains(ZERO_ADVERTS);
        Predicate<LabEvent> p = e -> hosts.contains(e.host())
                && (kinds.contains(e.kind()) || zeroAdverts && e instanceof LabEvent.AdvertSent a && a.priority() == 0)
                && (q.isEmpty() || row(e).toLowerCase(Locale.ROOT).contains(q));
        filtered.setPredicate(p);
    }

    private String row(LabEvent e) {
        EventFormatter t = text();
        return TimeText.seconds(e.timeUs()) + " " + e.host() + " " + t.source(e) + " " + t.kind(e.kind())
                + " " + e.kind() + " " + t.details(e);
    }

    /** The event texts of the window's current language (the one source, shared with CSV and reports). */
    private EventFormatter text() { return EventFormatter.of(i18n.locale()); }

    private TableColumn<LabEvent, String> column(String key, java.util.function.Function<LabEvent, String> value, double width, String style) {
        TableColumn<LabEvent, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        if (style != null) c.getStyleClass().add(style);
        return c;
    }

    public TableView<LabEvent> table() { return table; }

    /** Selects {@code e} if it is shown, else the shown event nearest to its time. */
    public LabEvent select(LabEvent e) {
        int i = filtered.indexOf(e);
        if (i < 0) return selectNearest(e.timeUs());
        follow.setSelected(false);
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(Math.max(0, i - 3));
        return e;
    }

    /**
     * Selects and shows the shown event nearest to {@code timeUs} (for the charts: a click on a chart picks
     * the event there); returns it, or null when the list is empty. Turns following off so it stays in view.
     */
    public LabEvent selectNearest(long timeUs) {
        if (filtered.isEmpty()) return null;
        int lo = 0;
        int hi = filtered.size() - 1;
        while (lo < hi) { // first index with time >= timeUs (events arrive in time order)
            int mid = (lo + hi) >>> 1;
            if (filtered.get(mid).timeUs() < timeUs) lo = mid + 1;
            else hi = mid;
        }
        int best = lo;
        if (lo > 0 && Math.abs(filtered.get(lo - 1).timeUs() - timeUs) <= Math.abs(filtered.get(lo).timeUs() - timeUs)) best = lo - 1;
        follow.setSelected(false);
        table.getSelectionModel().clearAndSelect(best);
        table.scrollTo(Math.max(0, best - 3));
        return filtered.get(best);
    }

    /** Selects the shown event after the selected one (the first when none is); returns it, or null at the end. */
    public LabEvent selectNext() { return selectShown(table.getSelectionModel().getSelectedIndex() + 1); }

    /** Selects the shown event before the selected one (the last when none is); returns it, or null at the start. */
    public LabEvent selectPrevious() {
        int at = table.getSelectionModel().getSelectedIndex();
        return selectShown(at < 0 ? filtered.size() - 1 : at - 1);
    }

    private LabEvent selectShown(int i) {
        if (i < 0 || i >= filtered.size()) return null;
        follow.setSelected(false);
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(Math.max(0, i - 3));
        return filtered.get(i);
    }

    /** Follows a new run's timeline: the why panel reads causes from it (ids are its append indexes). */
    public void showTimeline(org.viplab.core.timeline.Timeline timeline) { why.attach(timeline); }

    public WhyPanel whyPanel() { return why; }

    /** The events the filters let through, in time order (read from the run's timeline, not copied). */
    public javafx.collections.ObservableList<LabEvent> shown() { return filtered; }

    /** Whether the list shows an event like {@code e} under its current filters (hosts, kinds, search). */
    public Predicate<LabEvent> filter() {
        Predicate<? super LabEvent> p = filtered.getPredicate();
        return p == null ? e -> true : p::test;
    }

    public CheckComboBox<String> kindFilter() { return kindFilter; }

    public CheckComboBox<String> hostFilter() { return hostFilter; }

    public TextField searchField() { return search; }

    /** The rows shown now, as CSV text (header included); call on the FX thread, write elsewhere. */
    public String csv() {
        StringBuilder b = new StringBuilder();
        try {
            EventCsv.write(new ArrayList<>(filtered), text(), b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    /** Writes CSV text atomically with a UTF-8 byte-order mark, so spreadsheets read the Chinese right. */
    public static void writeCsv(Path file, String csv) throws IOException {
        AtomicFiles.write(file, (OutputStream out) -> {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        });
    }
}
