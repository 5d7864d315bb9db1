package org.viplab.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** AtlantaFX's Primer light and dark themes, set app-wide with one call. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public String id() { return name().toLowerCase(); }

    public static Theme fromId(String id) { return "dark".equals(id) ? DARK : LIGHT; }
}
