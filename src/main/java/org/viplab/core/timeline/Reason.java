package org.viplab.core.timeline;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why an event happened, as data: a code and its arguments (host and script names, numbers, daemon words),
 * which {@code core.text.EventFormatter} turns into a sentence in the reader's language. Engines never write
 * English here, and nothing parses a reason back: code that needs to know why compares {@link #code()}.
 */
public record Reason(Code code, List<String> args) {
    /** Every reason VIP Lab writes. The argument counts are what the event bundles' {@code reason.*} keys expect. */
    public enum Code {
        /** Words written by someone else, kept as they are: a daemon's log line, or an older file's free text. {text} */
        TEXT(1),
        /** An action: {verb} by {actor id}. */
        ACTION(2),
        /** The simulated lab started its daemons. */
        BOOT(0),
        /** keepalived started: VRRP INIT. */
        START(0),
        /** keepalived's first state after INIT (its log says "(init)"). */
        INIT(0),
        /** A supervisor or a restart action started the process again. */
        RESTART(0),
        /** A supervisor started the process again after it died: {supervisor} ("mysqld_safe", "systemd Restart=on-abort"). */
        RESTARTED_BY(1),
        /** A SIGTERM sent while the process was stopped (SIGSTOP) took effect when it resumed. */
        SIGTERM_ON_RESUME(0),
        /** A process finished starting. */
        READY(0),
        /** A process finished shutting down. */
        EXITED(0),
        /** keepalived was SIGKILLed: its instance is gone at once. */
        KILLED(0),
        /** The settings changed under a running keepalived. */
        RECONFIGURED(0),
        /** keepalived removes a stale VIP as it starts. */
        KEEPALIVED_START(0),
        /** keepalived releases the VIP as it stops. */
        KEEPALIVED_STOPPING(0),
        /** Priority 255 owns the address and is master at once. */
        ADDRESS_OWNER(0),
        /** keepalived's "Receive advertisement timeout": Master_Down_Interval passed without a better advert. */
        ADVERT_TIMEOUT(0),
        /** An advert of higher priority arrived from {host}. */
        HIGHER_PRIORITY(1),
        /** The instance's vrrp_sync_group {group} moved it with another member. */
        SYNC_GROUP(1),
        /** A sync group member wants MASTER but {group} waits until every member does. */
        SYNC_WAIT(1),
        /** The VIP follows the VRRP state just entered: {state}. */
        VRRP_STATE(1),
        /** A tracked script changed status. */
        TRACK_SCRIPT(0),
        /** A tracked interface changed. */
        INTERFACE(0),
        /** The FAULT condition is gone. */
        FAULT_CLEARED(0),
        /** keepalived's "Netlink reports {iface} down". */
        LINK_DOWN(1),
        /** A weight-0 tracked script failed: FAULT. {script} */
        TRACK_SCRIPT_FAILED(1),
        /** The check script {path} ran "service keepalived stop" (the tutorial's mode 1). */
        SCRIPT_STOPPED_KEEPALIVED(1),
        /** ps -C {name} found the process. */
        PS_FOUND(1),
        /** ps -C {name} found nothing. */
        PS_NONE(1),
        /** A TCP connect to {port} was accepted. */
        TCP_OPEN(1),
        /** A TCP connect to {port} was refused. */
        TCP_REFUSED(1),
        QUERY_ANSWERED(0),
        /** Galera: a query rejected by a node outside the Primary component. */
        QUERY_REJECTED(0),
        /** The server greeted but the query hung until the script's timeout of {seconds} s. */
        QUERY_BLOCKED(1),
        /** A MYSQL_QUERY check against a slowed mysqld: the answer would come after the timeout. */
        QUERY_SLOW(1),
        /** The port accepted but nothing answered within {seconds} s (a hung mysqld). */
        NO_ANSWER(1),
        CONNECTION_REFUSED(0),
        /** Cluster health: mysqld is down. */
        DB_DOWN(0),
        /** Cluster health: mysqld is hung. */
        DB_NOT_RESPONDING(0),
        /** Dual-master health: read_only=OFF, replica IO {Yes|Connecting} (MySQL's own words). */
        REPLICA_IO(1),
        /** Galera: Synced, Primary ({members} of {size}). */
        GALERA_PRIMARY(2),
        /** Galera: non-Primary: no quorum ({members} of {size}). */
        GALERA_NO_QUORUM(2),
        /** Group Replication: ONLINE ({members} of {size}). */
        MGR_ONLINE(2),
        /** Group Replication: ONLINE, no majority ({members} of {size}): writes block. */
        MGR_NO_MAJORITY(2),
        /** Galera: a JOINER receiving its state transfer ({IST|SST}): it rejects queries until Synced. */
        GALERA_JOINER(1),
        /** Group Replication: RECOVERING (distributed recovery from a donor) before ONLINE. */
        MGR_RECOVERING(0),
        /** Group Replication single-primary: ONLINE, SECONDARY with super_read_only; the primary is {primary}. */
        MGR_SECONDARY(1),
        /** The peer is lost but not yet expelled: commits stall. */
        SUSPECTING_PEER(0),
        /** Real hosts: the state found when VIP Lab connected. */
        AT_CONNECT(0),
        /** Real hosts: the state written at a drill's t = 0. */
        AT_ZERO(0),
        /** Real hosts: the state at t = 0, with the host's clock offset in ms {offset}. */
        AT_ZERO_CLOCK(1),
        /** Real hosts: seen by the process watcher (ps). */
        PS_WATCH(0),
        /** Real hosts: keepalived's process disappeared (SIGKILL leaves no log line). */
        PROCESS_GONE(0),
        /** Real hosts: two watcher ticks saw the VIP differently from ip monitor. */
        SEEN_BY_IP_ADDR(0),
        /** Real hosts: ip monitor saw the address added to {iface}. */
        ADDED_TO(1),
        /** Real hosts: ip monitor saw the address removed from {iface}. */
        REMOVED_FROM(1),
        /** Real hosts: keepalived's log said it started. */
        KEEPALIVED_STARTING(0),
        /** Real hosts: keepalived's log said it stopped. */
        KEEPALIVED_STOPPED(0),
        /** Real hosts: SSH connected: {clock offset ms}, {round trip ms}, {tcpdump yes|no}, {firewall or empty}. */
        CONNECTED(4),
        /** Real hosts: the SSH connection dropped; VIP Lab retries every 2 s. */
        CONNECTION_LOST(0),
        /** VIP Lab's own diagnostic lines on real hosts (source "viplab" or "command"): a timing fault's undo recorded. {action} {command} */
        UNDO_RECORDED(2),
        /** The host began an action's command at this moment (its own clock). {action} */
        COMMAND_BEGAN(1),
        /** The watchdog that reconnects lost hosts failed: {what the JVM said} */
        WATCHDOG(1),
        /** A watched command printed a line its parser could not read. {command} {line} */
        UNREADABLE_LINE(2),
        /** A watched command ended while its host is still connected (no permission, tool missing). {command} */
        OBSERVER_ENDED(1),
        /** A replayed incident: the state at t = 0 that later evidence implies (a process that logs its stop ran before it). */
        IMPLIED_AT_ZERO(0);

        private final int arity;

        Code(int arity) { this.arity = arity; }

        public int arity() { return arity; }
    }

    public Reason {
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
        if (args.size() != code.arity()) {
            throw new IllegalArgumentException(code + " takes " + code.arity() + " argument(s), got " + args);
        }
    }

    /** A reason; each argument as {@link String#valueOf(Object)}. */
    public static Reason of(Code code, Object... args) {
        return new Reason(code, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Someone else's words, kept as they are (keepalived's log wording). */
    public static Reason text(String words) { return of(Code.TEXT, words); }

    /** An action by an actor ("stop by drill"). */
    public static Reason action(String verb, Actor by) { return of(Code.ACTION, verb, by.id()); }

    public boolean is(Code c) { return code == c; }

    /** The first argument, or "" (for compact checks such as a cluster member's state). */
    public String arg(int i) { return i < args.size() ? args.get(i) : ""; }

    /** For logs and test messages only; users read {@code EventFormatter}'s sentences. */
    @Override
    public String toString() { return args.isEmpty() ? code.name() : code.name() + args; }
}
