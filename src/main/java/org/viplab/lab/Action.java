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
        String wrong = wrongTarget(verb, target);
        if (wrong != null) throw new IllegalArgumentException("cannot " + verb.id() + " " + target.id() + ": " + wrong);
        checkAmount(verb, amount);
    }

    /** Why {@code verb} cannot apply to {@code target}, or null. */
    private static String wrongTarget(Verb verb, Target target) {
        boolean process = target instanceof Target.Process;
        boolean host = target instanceof Target.Host;
        boolean path = target instanceof Target.PeerPath || target instanceof Target.ClientPath;
        return switch (verb) {
            case START, STOP, KILL, HANG, RESTART -> process ? null : host
                    ? "name a process (HOST/mysqld, HOST/haproxy, HOST/keepalived); a whole host takes stall or resume"
                    : "links take cut, heal, delay or loss";
            case RESUME -> process || host ? null : "resume takes a process or a host (after a stall); links take heal";
            case CUT, HEAL -> path || target instanceof Target.HostLink || target instanceof Target.OneWayVrrp ? null
                    : "processes take start, stop, kill, hang, resume or restart; links (HOST/link, db1-db2, db1-db2/vrrp, db1>db2/vrrp, clients-HOST) take cut or heal";
            case DELAY, LOSS -> path ? null : target instanceof Target.OneWayVrrp
                    ? "delay and loss apply to both directions of a path: db1-db2, db1-db2/vrrp or clients-HOST"
                    : "delay and loss apply to a path: db1-db2, db1-db2/vrrp or clients-HOST";
            case STALL -> host ? null : "stall takes a whole host, e.g. \"db1\"";
            case SLOW -> process && ((Target.Process) target).process() == ProcessKind.MYSQLD ? null
                    : "slow takes HOST/mysqld: its queries answer late";
        };
    }

    private static void checkAmount(Verb verb, Amount a) {
        switch (verb) {
            case STALL -> range("stall \"for\"", a.us(), MIN_AMOUNT_US, MAX_STALL_US);
            case SLOW -> range("slow \"by\"", a.us(), MIN_AMOUNT_US, MAX_SLOW_US);
            case DELAY -> {
                range("delay \"by\"", a.us(), MIN_AMOUNT_US, MAX_DELAY_US);
                if (a.jitterUs() < 0 || a.jitterUs() > a.us()) {
                    throw new IllegalArgumentException("\"jitter\" " + Durations.format(a.jitterUs()) + " is out of range: 0 .. the delay ("
                            + Durations.format(a.us()) + ")");
                }
            }
            case LOSS -> {
                if (a.lossBasisPoints() < 1 || a.lossBasisPoints() > 10_000) {
                    throw new IllegalArgumentException("loss " + percent(a.lossBasisPoints()) + " is out of range: 0.01% .. 100%");
                }
            }
            default -> {
                if (!a.equals(Amount.NONE)) throw new IllegalArgumentException(verb.id() + " takes no amount");
            }
        }
    }

    private static void range(String what, long us, long min, long max) {
        if (us < min || us > max) {
            throw new IllegalArgumentException(what + " " + Durations.format(us) + " is out of range: " + Durations.format(min)
                    + " .. " + Durations.format(max));
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
            throw new IllegalArgumentException(verb.id() + " needs an amount such as \"" + example(verb) + "\", not \"" + d + "\"");
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
            throw new IllegalArgumentException("\"" + text + "\" is not a percentage; write e.g. \"30%\" or \"0.5%\" (up to two decimals)");
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
        if (verb == null) throw new IllegalArgumentException("unknown action " + a.action());
        return new Action(verb, Target.parse(a.target(), hosts), parseDetail(verb, a.detail()));
    }

    @Override
    public String toString() {
        String d = detail();
        return verb.id() + " " + target.id() + (d == null ? "" : " " + d);
    }
}
