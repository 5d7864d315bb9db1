package org.viplab.ui.settings;

/** What the app remembers between runs. A plain DTO for Gson: never JavaFX properties. */
public final class Prefs {
    /** Window position; null until the window has been placed once (the platform centres it). */
    public Double x;
    public Double y;
    public double width = 1400;
    public double height = 900;
    public boolean maximized;
    /** "light" or "dark". */
    public String theme = "light";
    /** A language tag: "en" or "zh-CN". */
    public String language = "en";
    /** The presenter scale: the root font size is 13 px times this. */
    public double fontScale = 1.0;
    /** The first-run card (two things to try) was seen and acted on or closed. */
    public boolean firstRunDone;
    /** View > Pause on a VIP change: the live simulation stops when the VIP moves or a split brain begins. */
    public boolean pauseOnVipChange;

    public Prefs copy() {
        Prefs p = new Prefs();
        p.x = x;
        p.y = y;
        p.width = width;
        p.height = height;
        p.maximized = maximized;
        p.theme = theme;
        p.language = language;
        p.fontScale = fontScale;
        p.firstRunDone = firstRunDone;
        p.pauseOnVipChange = pauseOnVipChange;
        return p;
    }
}
