package org.viplab.engine.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@code tc qdisc ... netem delay D J loss P%} on the lab's paths, as the simulator applies it: each packet that
 * crosses a shaped path in either direction is dropped with probability P, else delivered D late plus a jitter
 * drawn uniformly from [-J, +J] (netem's default without a distribution table, so packets can reorder).
 * Draws come from a generator seeded by the run's seed and used for nothing else: the same seed, the same
 * packets lost, whatever else the run does.
 */
final class Netem {
    /** One path's shaping. */
    record Shaping(long delayUs, long jitterUs, double loss) {
        static final Shaping NONE = new Shaping(0, 0, 0);

        boolean none() { return delayUs == 0 && loss == 0; }

        Shaping withDelay(long d, long j) { return new Shaping(d, j, loss); }

        Shaping withLoss(double p) { return new Shaping(delayUs, jitterUs, p); }
    }

    /** Keys: "peer" (db1-db2), "vrrp" (db1-db2/vrrp), "clients-HOST". */
    private final Map<String, Shaping> paths = new HashMap<>();
    private final Random rng;

    Netem(long seed) { this.rng = new Random(seed * 0x9E3779B97F4A7C15L + 0x6E65746DL); }

    Shaping get(String path) { return paths.getOrDefault(path, Shaping.NONE); }

    void set(String path, Shaping s) {
        if (s.none()) paths.remove(path);
        else paths.put(path, s);
    }

    /** True when something was shaped there. */
    boolean clear(String path) { return paths.remove(path) != null; }

    boolean any() { return !paths.isEmpty(); }

    boolean shaped(String path) { return paths.containsKey(path); }

    /** VRRP between the hosts crosses both the whole path's shaping and the VRRP-only one. */
    Shaping vrrp() {
        Shaping a = get("peer");
        Shaping b = get("vrrp");
        if (b.none()) return a;
        if (a.none()) return b;
        return new Shaping(a.delayUs + b.delayUs, a.jitterUs + b.jitterUs, 1 - (1 - a.loss) * (1 - b.loss));
    }

    Shaping client(String host) { return get("clients-" + host); }

    /** Whether one packet over {@code s} is lost. */
    boolean lost(Shaping s) { return s.loss > 0 && rng.nextDouble() < s.loss; }

    /** One packet's delay over {@code s}. */
    long delay(Shaping s) {
        if (s.jitterUs == 0) return s.delayUs;
        return Math.max(0, s.delayUs + Math.round((rng.nextDouble() * 2 - 1) * s.jitterUs));
    }
}
