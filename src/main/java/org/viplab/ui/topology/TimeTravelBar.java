package org.viplab.ui.topology;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.text.TimeText;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.ui.live.TimeTravel;

/**
 * The bar over the drawing while it shows a past moment: "Viewing t = 14.843 s · db1: advert, priority 0" and
 * a "Back to live" button. Hidden while the drawing is live.
 */
final class TimeTravelBar extends HBox {
    private final Label text = new Label();
    private final Button live = new Button();
    private Runnable backToLive = () -> { };
    private final TimeTravel travel;

    TimeTravelBar(TimeTravel travel, I18n i18n) {
        setId("time-travel-bar");
        getStyleClass().add("time-travel-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        text.setId("time-travel-text");
        text.setMinWidth(0);
        live.setId("back-to-live");
        live.textProperty().bind(i18n.bind("travel.live"));
        this.travel = travel;
        live.setOnAction(e -> backToLive());
        live.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(text, live);
        Runnable update = () -> {
            LabEvent e = travel.viewingProperty().get();
            setVisible(e != null);
            if (e != null) text.setText(i18n.get("travel.viewing", TimeText.seconds(e.timeUs()), e.host(), EventFormatter.of(i18n.locale()).details(e)));
            if (getParent() != null) getParent().requestLayout();
        };
        travel.viewingProperty().addListener((o, a, b) -> update.run());
        i18n.localeProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    /** Shows the live lab again, as the button does. */
    void backToLive() {
        backToLive.run();
        travel.backToLive();
    }

    /** What else "Back to live" does (the app clears the event list's selection). */
    void setOnBackToLive(Runnable r) { backToLive = r == null ? () -> { } : r; }

    String text() { return text.getText(); }
}
