package org.viplab.core.model;

/**
 * A keepalived notify script of an instance or a sync group: {@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop}, the generic {@code notify} (run for every state with
 * "INSTANCE|GROUP name STATE priority" appended) or {@code notify_master_rx_lower_pri}.
 * <p>keepalived 2.2.7 forks a notify script and does not wait for it (vrrp_notify.c, notify_exec); only the STOP
 * scripts run at shutdown are killed after one second (system_call_script with TIMER_HZ). So a script's run time
 * delays nothing of VRRP's, but what the script itself changes (a cloud address moved by an API call) lands when
 * it finishes.
 */
public class NotifySpec {
    /** Which keyword the script was given with. */
    public enum On {
        MASTER, BACKUP, FAULT, STOP,
        /** The generic {@code notify}: every state, after the state's own script. */
        ANY,
        /** {@code notify_master_rx_lower_pri}: a MASTER received an advert of lower priority. */
        MASTER_RX_LOWER_PRI;

        /** keepalived's keyword for it. */
        public String keyword() {
            return switch (this) {
                case ANY -> "notify";
                case MASTER_RX_LOWER_PRI -> "notify_master_rx_lower_pri";
                default -> "notify_" + name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    public On on = On.MASTER;
    /** The command as written in keepalived.conf. */
    public String command = "/etc/keepalived/notify.sh";
    /** How long one run takes, in milliseconds (fork and exec included). */
    public long runMs = 50;
    /**
     * A cloud address (an elastic IP, an alias IP) the script moves to this node through the provider's API, or
     * null: the client reaches the node at that address only when the call has landed, {@link #runMs} after the start.
     */
    public String movesAddress;

    public NotifySpec() { }

    public NotifySpec(On on, String command) {
        this.on = on;
        this.command = command;
    }
}
