package org.viplab.charts;

import java.awt.Color;

/**
 * How big the charts' words are and which palette they use: the app's font scale (1.0 = 100 %) and its light or
 * dark theme. Data colours (hosts, refused, timeout) stay the same in both; only the paper and ink change.
 */
public record ChartLook(double scale, boolean dark) {
    public static final ChartLook DEFAULT = new ChartLook(1.0, false);

    public ChartLook {
        if (!(scale > 0)) throw new IllegalArgumentException("scale must be positive: " + scale);
    }

    /** The chart's and plots' background: AtlantaFX Primer's default backgrounds. */
    Color paper() { return dark ? new Color(0x0d1117) : Color.WHITE; }

    /** Axis labels, ticks and legend text. */
    Color ink() { return dark ? new Color(0xc9d1d9) : new Color(0x333333); }

    Color grid() { return dark ? new Color(0x30363d) : new Color(225, 225, 225); }

    Color outline() { return dark ? new Color(0x484f58) : new Color(180, 180, 180); }

    /** The VIP holder's step line, which must stand out from the paper. */
    Color holderLine() { return dark ? new Color(0xe6edf3) : new Color(40, 40, 40); }

    /** Behind a shaded interval's label, so it reads over the data. */
    Color labelBackground() { return dark ? new Color(13, 17, 23, 200) : new Color(255, 255, 255, 190); }

    Color labelInk() { return dark ? new Color(0xc9d1d9) : new Color(60, 60, 60); }
}
