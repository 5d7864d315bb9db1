package org.viplab.ui.topology;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.LabViewModel;
import org.viplab.ui.settings.Prefs;

import java.util.List;
import java.util.function.Consumer;

/**
 * A first-time user's card over the drawing: two things to try (stop db1's mysqld from its right-click menu;
 * open the Drills tab). It goes away for good after the first action the user applies to the lab (read from the
 * timeline: an action by the user), the first look at the Drills tab, or "Got it"; the prefs remember it.
 */
public final class FirstRunCard extends VBox {
    private final Prefs prefs;
    private final Consumer<Prefs> save;

    private FirstRunCard(I18n i18n, Prefs prefs, Consumer<Prefs> save, Runnable openDrills) {
        this.prefs = prefs;
        this.save = save;
        setId("first-run-card");
        getStyleClass().add("first-run-card");
        setSpacing(6);
        Label title = new Label();
        title.getStyleClass().add("first-run-title");
        title.textProperty().bind(i18n.bind("firstrun.title"));
        Label stop = new Label();
        stop.setId("first-run-stop");
        stop.setWrapText(true);
        title.setWrapText(true);
        stop.textProperty().bind(i18n.bind("firstrun.stop"));
        Hyperlink drills = new Hyperlink();
        drills.setId("first-run-drills");
        drills.setWrapText(true);
        drills.textProperty().bind(i18n.bind("firstrun.drills"));
        drills.setOnAction(e -> {
            openDrills.run();
            done();
        });
        Button close = new Button();
        close.setId("first-run-close");
        close.textProperty().bind(i18n.bind("firstrun.close"));
        close.setOnAction(e -> done());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, stop, drills, buttons);
    }

    /**
     * Shows the card on {@code view} unless the prefs say it was seen; {@code tabs} holds the Drills tab (id
     * {@code tab-drills}). Returns the card, or null when none is shown.
     */
    public static FirstRunCard install(TopologyView view, LabViewModel live, I18n i18n, Prefs prefs, Consumer<Prefs> save, TabPane tabs) {
        if (prefs.firstRunDone) return null;
        Tab drillsTab = tabs == null ? null : tabs.getTabs().stream().filter(t -> "tab-drills".equals(t.getId())).findFirst().orElse(null);
        FirstRunCard card = new FirstRunCard(i18n, prefs, save, () -> { if (drillsTab != null) tabs.getSelectionModel().select(drillsTab); });
        view.addOverlay(card);
        if (drillsTab != null) drillsTab.selectedProperty().addListener((o, a, b) -> { if (b) card.done(); });
        live.events().addListener((ListChangeListener<LabEvent>) c -> {
            while (c.next()) {
                if (!c.wasAdded() || !card.isVisible()) continue;
                List<? extends LabEvent> added = c.getAddedSubList();
                for (LabEvent e : added) {
                    if (e instanceof LabEvent.ActionApplied a && a.by() == Actor.USER) {
                        card.done();
                        return;
                    }
                }
            }
        });
        return card;
    }

    /** Hides the card for good (remembered in the prefs). */
    public void done() {
        if (!isVisible()) return;
        setVisible(false);
        setManaged(false);
        prefs.firstRunDone = true;
        save.accept(prefs);
    }
}
