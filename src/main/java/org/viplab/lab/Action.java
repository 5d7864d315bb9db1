package org.viplab.lab;

import org.viplab.core.model.ProcessKind;
import org.viplab.core.util.Durations;

import java.math.BigDecimal;

/**
 * A verb applied to a target, e.g. {@code stop db1/mysqld}, with an amount for the timing faults
 * ({@code stall db1 for 3.7s}, {@code delay db1-db2 by 200ms jitter 50ms}, {@code loss db1-db2/vrrp 30%},
 * {@code slow db1/mysqld by 3s}). The same for the simulator and real hosts.
 */
public record Action(Verb verb, Target target, Amount amount) {
    /** The longest stall: longer is a dead host, which {@code hang} or {@code cut} say better. */
    public static final long MAX_STALL_US = 600_000_000;
    /** The longest delay on a link; netem takes more, but a VRRP lab learns nothing from it. */
    public static final long MAX_DELAY_US = 60_000_000;
    /** The longest query slowdown. */
    public static final long MAX_SLOW_US = 3_600_000_000L;
    public static final long MIN_AMOUNT_US = 1_000;

    /**
     * How much of a timing fault: a duration (stall's length, delay, slowdown), a jitter (delay only) and a loss
     * rate in hundredths of a percent (loss only); zero where a verb does not use it.
     */
    public record Amount(long us, long jitterUs, int lossBasisPoints) {
        public static final Amount NONE = new Amount(0, 0, 0);

        public static Amount duration(long us) { return new Amount(us, 0, 0); }

        public static Amount delay(long us, long jitterUs) { return new Amount(us, jitterUs, 0); }

        public static Amount loss(int basisPoints) { return new Amount(0, 0, basisPoints); }

        /** The loss as a probability, 0 .. 1. */
        public double lossProbability() { return lossBasisPoints / 10_000.0; }
    }

    public Action(Verb verb, Target target) { this(verb, target, Amount.NONE); }

    public Action {
        if (amount == null) amount = Amount.NONE;
        LabText wrong = wrongTarget(verb, target);
        if (wrong != null) throw LabText.refused("action.wrongTarget", verb.id(), target.id(), wrong);
        checkAmount(verb, amount);
    }

    /** Why {@code verb} cannot apply to {@code target}, or null. */
    private static LabText wrongTarget(Verb verb, Target target) {
        boolean process = target instanceof Target.Process;
        boolean host = target instanceof Target.Host;
        boolean path = target instanceof Target.PeerPath || target instanceof Target.ClientPath;
        return switch (verb) {
            case START, STOP, KILL, HANG, RESTART -> process ? null : LabText.of(host ? "target.nameProcess" : "target.linksTake");
            case RESUME -> process || host ? null : LabText.of("target.resumeTakes");
            case CUT, HEAL -> path || target instanceof Target.HostLink || target instanceof Target.OneWayVrrp ? null : LabText.of("target.processesTake");
            case DELAY, LOSS -> path ? null : LabText.of(target instanceof Target.OneWayVrrp ? "target.pathBothWays" : "target.pathOnly");
            case STALL -> host ? null : LabText.of("target.stallTakes");
            case SLOW -> process && ((Target.Process) target).process() == ProcessKind.MYSQLD ? null : LabText.of("target.slowTakes");
        };
    }

    private static void checkAmount(Verb verb, Amount a) {
        switch (verb) {
            case STALL -> range("stall \"for\"", a.us(), MIN_AMOUNT_US, MAX_STALL_US);
            case SLOW -> range("slow \"by\"", a.us(), MIN_AMOUNT_US, MAX_SLOW_US);
            case DELAY -> {
                range("delay \"by\"", a.us(), MIN_AMOUNT_US, MAX_DELAY_US);
                if (a.jitterUs() < 0 || a.jitterUs() > a.us()) {
                    throw LabText.refused("amount.jitterRange", Durations.format(a.jitterUs()), Durations.format(a.us()));
                }
            }
            case LOSS -> {
                if (a.lossBasisPoints() < 1 || a.lossBasisPoints() > 10_000) {
                    throw LabText.refused("amount.lossRange", percent(a.lossBasisPoints()));
                }
            }
            default -> {
                if (!a.equals(Amount.NONE)) throw LabText.refused("amount.none", verb.id());
            }
        }
    }

    private static void range(String what, long us, long min, long max) {
        if (us < min || us > max) {
            throw LabText.refused("amount.range", what, Durations.format(us), Durations.format(min), Durations.format(max));
        }
    }

    /** The amount as written after the target ("for 3.7s", "by 200ms jitter 50ms", "30%"), or null. */
    public String detail() {
        return switch (verb) {
            case STALL -> "for " + Durations.format(amount.us());
            case SLOW -> "by " + Durations.format(amount.us());
            case DELAY -> "by " + Durations.format(amount.us()) + (amount.jitterUs() > 0 ? " jitter " + Durations.format(amount.jitterUs()) : "");
            case LOSS -> percent(amount.lossBasisPoints());
            default -> null;
        };
    }

    /** The inverse of {@link #detail()}, for reading an action back from its event; throws IllegalArgumentException. */
    public static Amount parseDetail(Verb verb, String detail) {
        if (!verb.timingFault()) return Amount.NONE;
        String d = detail == null ? "" : detail.strip();
        try {
            return switch (verb) {
                case STALL -> Amount.duration(Durations.parseUs(after(d, "for ")));
                case SLOW -> Amount.duration(Durations.parseUs(after(d, "by ")));
                case DELAY -> {
                    String rest = after(d, "by ");
                    int j = rest.indexOf(" jitter ");
                    yield j < 0 ? Amount.delay(Durations.parseUs(rest), 0)
                            : Amount.delay(Durations.parseUs(rest.substring(0, j)), Durations.parseUs(rest.substring(j + 8)));
                }
                default -> Amount.loss(parsePercent(d));
            };
        } catch (IllegalArgumentException e) {
            throw LabText.refused("amount.needed", verb.id(), example(verb), d);
        }
    }

    private static String after(String d, String prefix) {
        if (!d.startsWith(prefix)) throw new IllegalArgumentException(d);
        return d.substring(prefix.length());
    }

    private static String example(Verb verb) {
        return switch (verb) {
            case STALL -> "for 3.7s";
            case DELAY -> "by 200ms jitter 50ms";
            case LOSS -> "30%";
            default -> "by 3s";
        };
    }

    /** "30%", "0.5%", "12.25%" into hundredths of a percent; throws IllegalArgumentException. */
    public static int parsePercent(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,3}(\\.\\d{1,2})?%")) {
            throw LabText.refused("amount.notPercent", text);
        }
        return new BigDecimal(t.substring(0, t.length() - 1)).movePointRight(2).intValueExact();
    }

    public static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }

    /** This action on the timeline, applied at {@code timeUs} by {@code by}. */
    public org.viplab.core.timeline.LabEvent.ActionApplied applied(long timeUs, org.viplab.core.timeline.Actor by) {
        return new org.viplab.core.timeline.LabEvent.ActionApplied(timeUs, verb.id(), target.id(), by, detail());
    }

    /** The action an ActionApplied records; throws IllegalArgumentException when this version cannot read it. */
    public static Action of(org.viplab.core.timeline.LabEvent.ActionApplied a, java.util.List<String> hosts) {
        Verb verb = Verb.fromId(a.action());
        if (verb == null) throw LabText.refused("action.unknown", a.action());
        return new Action(verb, Target.parse(a.target(), hosts), parseDetail(verb, a.detail()));
    }

    @Override
    public String toString() {
        String d = detail();
        return verb.id() + " " + target.id() + (d == null ? "" : " " + d);
    }
}
