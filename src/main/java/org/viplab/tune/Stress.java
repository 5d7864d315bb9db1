package org.viplab.tune;

import org.viplab.core.util.Durations;

/**
 * What the no-fault drill puts the lab through, to catch false failovers: a stall of the master (no CPU for
 * {@code stallUs}) and random loss of the VRRP adverts between the nodes. Either may be absent (0).
 *
 * @param lossPercent as the drill format writes it ("5%"), or null for none
 */
public record Stress(long stallUs, String lossPercent) {
    public static final Stress NONE = new Stress(0, null);

    public boolean none() { return stallUs == 0 && lossPercent == null; }

    /** "stall 800 ms, VRRP loss 5%" or "none", for the summary line (English, as the CLI prints). */
    public String describe() {
        if (none()) return "none";
        StringBuilder b = new StringBuilder();
        if (stallUs > 0) b.append("stall of the master ").append(Durations.format(stallUs));
        if (lossPercent != null) b.append(b.length() == 0 ? "" : ", ").append("VRRP loss ").append(lossPercent);
        return b.toString();
    }
}
