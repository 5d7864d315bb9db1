package org.viplab.charts;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/** The charts' words in the chosen language, and a font that has their glyphs. */
public final class ChartText {
    /** Families that carry the Chinese glyphs, in order of preference (Debian's fonts-noto-cjk, fonts-wqy-*). */
    static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei", "Source Han Sans SC", "Droid Sans Fallback");

    private final Locale locale;
    private final ResourceBundle bundle;
    private final String family;
    private final double scale;

    public ChartText(Locale locale) { this(locale, 1.0); }

    /** Words in {@code locale}, fonts {@code scale} times their size at 100 % (the app's font scale). */
    public ChartText(Locale locale, double scale) {
        this.locale = locale;
        this.scale = scale;
        // no fallback to the machine's language: English stays English on a Chinese desktop
        this.bundle = ResourceBundle.getBundle("org.viplab.i18n.charts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.family = family(bundle.getString("chart.vip.split") + bundle.getString("chart.client.timeout"));
    }

    public Locale locale() { return locale; }

    public String get(String key) { return bundle.getString(key); }

    public String format(String key, Object... args) { return new MessageFormat(get(key), locale).format(args); }

    public Font font(int style, float size) { return new Font(family, style, (int) Math.round(size * scale)); }

    /** How many times larger than at 100 % the words are drawn. */
    public double scale() { return scale; }

    /** "0.65 s", "12.3 s", "15 min", "2.0 h": a length short enough to label a shaded interval. */
    public static String length(long us) {
        double s = us / 1e6;
        if (s < 10) return String.format(Locale.ROOT, "%.2f s", s);
        if (s < 120) return String.format(Locale.ROOT, "%.1f s", s);
        if (s < 7200) return String.format(Locale.ROOT, "%.0f min", s / 60);
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    /** A time-axis tick for long windows: "1:02:03" (hours, minutes, seconds), "-0:00:05" before t = 0. */
    public static String hms(double seconds) {
        long s = Math.round(Math.abs(seconds));
        return String.format(Locale.ROOT, "%s%d:%02d:%02d", seconds < -0.5 ? "-" : "", s / 3600, (s / 60) % 60, s % 60);
    }

    /** SansSerif when it can show the text, else the first installed CJK family that can. */
    private static String family(String sample) {
        if (new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) return Font.SANS_SERIF;
        Set<String> installed = new HashSet<>(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)));
        for (String f : CJK_FAMILIES) {
            if (installed.contains(f) && new Font(f, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) return f;
        }
        return Font.SANS_SERIF;
    }
}
