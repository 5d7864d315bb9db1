package org.viplab.core.timeline;

import java.util.Set;

/** An interval [startUs, endUs) during which the set of VIP holders did not change. */
public record Span(long startUs, long endUs, Set<String> holders) {
    public long lengthUs() { return endUs - startUs; }

    public boolean nowhere() { return holders.isEmpty(); }

    public boolean both() { return holders.size() > 1; }
}
