package org.viplab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop lab. A placeholder until the desktop issue lands. */
public final class VipLabApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("VIP Lab");
        stage.setScene(new Scene(new StackPane(new Label("VIP Lab")), 1200, 800));
        stage.show();
    }
}
