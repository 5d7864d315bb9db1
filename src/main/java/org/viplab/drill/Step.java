package org.viplab.drill;

import org.viplab.lab.Action;
import org.viplab.core.model.VrrpState;

/** One step of a drill, with the line it came from. Times are microseconds from t = 0. */
public sealed interface Step {
    int index();

    int line();

    /** The time the step is anchored at. */
    long anchorUs();

    /** The latest time this step needs the drill to run to. */
    long deadlineUs();

    String text();

    record ActionStep(int index, int line, long anchorUs, Action action) implements Step {
        public long deadlineUs() { return anchorUs; }

        public String text() { return action.toString(); }
    }

    /**
     * An expectation over [anchor, anchor + window]: {@code within} (true at some instant), {@code for}
     * (true throughout), or at the anchor instant when neither is given. {@code wholeDrill} judges [0, end].
     * {@code instance} names another VRRP instance than the client VIP's (vip-on, state), else null.
     */
    record ExpectStep(int index, int line, long anchorUs, Expectation kind, String host, VrrpState state,
                      Long withinUs, Long forUs, Long maxUs, boolean wholeDrill, String instance) implements Step {
        /** An expectation about the client VIP's instance (the only one before several instances were modelled). */
        public ExpectStep(int index, int line, long anchorUs, Expectation kind, String host, VrrpState state,
                          Long withinUs, Long forUs, Long maxUs, boolean wholeDrill) {
            this(index, line, anchorUs, kind, host, state, withinUs, forUs, maxUs, wholeDrill, null);
        }

        public long deadlineUs() {
            if (withinUs != null) return anchorUs + withinUs;
            if (forUs != null) return anchorUs + forUs;
            return anchorUs;
        }

        /** Passing means the trouble it expects happened: see {@link Expectation#expectsTrouble}. */
        public boolean expectsTrouble() { return kind.expectsTrouble(forUs != null); }

        public String text() {
            StringBuilder b = new StringBuilder("expect ").append(kind.id());
            if (host != null) b.append(' ').append(host);
            if (instance != null) b.append(" instance ").append(instance);
            if (state != null) b.append(' ').append(state);
            if (maxUs != null && kind == Expectation.ROWS_BEHIND) b.append(" >= ").append(maxUs).append(" rows");
            else if (maxUs != null && kind == Expectation.CLIENT_AVAILABILITY_OVER) b.append(" >= ").append(percent(maxUs));
            else if (maxUs != null && kind == Expectation.CLIENT_FAILURES_UNDER) b.append(" < ").append(maxUs).append(" failed probes");
            else if (maxUs != null) b.append(" < ").append(org.viplab.core.util.Durations.format(maxUs));
            if (withinUs != null) b.append(" within ").append(org.viplab.core.util.Durations.format(withinUs));
            if (forUs != null) b.append(" for ").append(org.viplab.core.util.Durations.format(forUs));
            if (wholeDrill) b.append(" (whole drill)");
            return b.toString();
        }

        /** Parts per million as a percentage without trailing zeros: 995000 is "99.5%". */
        static String percent(long ppm) {
            return java.math.BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%";
        }
    }
}
