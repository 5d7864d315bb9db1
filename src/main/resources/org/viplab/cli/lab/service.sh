#!/bin/bash
# The lab host's `service` (bind-mounted over /usr/sbin/service inside each host). There is no systemd and
# no syslog in a lab host, so keepalived runs in the foreground with its log timestamped (ms) into
# /var/log/keepalived.log, like the tutorial's hosts would log it; everything else goes to Debian's
# /etc/init.d scripts unchanged. `mysql` is MariaDB's init script.
name=${1:-}
action=${2:-}
KA_PID=/run/keepalived.pid
KA_LOG=/var/log/keepalived.log

ka_running() { [ -s "$KA_PID" ] && kill -0 "$(cat "$KA_PID")" 2>/dev/null; }

stamp() {
    # one line in, one line out with the local time to the millisecond (bash 5: EPOCHREALTIME)
    local line t f
    while IFS= read -r line; do
        t=$EPOCHREALTIME
        f=${t#*.}
        printf '%(%Y-%m-%d %H:%M:%S)T.%s %s\n' "${t%.*}" "${f:0:3}" "$line"
    done
}

ka_start() {
    if ka_running; then echo "keepalived is running"; return 0; fi
    rm -f "$KA_PID" /run/keepalived_vrrp.pid /run/keepalived_checkers.pid
    ( keepalived -n -l -D -G -f /etc/keepalived/keepalived.conf -p "$KA_PID" \
        -r /run/keepalived_vrrp.pid -c /run/keepalived_checkers.pid 2>&1 </dev/null | stamp >>"$KA_LOG" ) \
        </dev/null >/dev/null 2>&1 &
    for _ in $(seq 50); do ka_running && { echo "Starting keepalived: keepalived."; return 0; }; sleep 0.1; done
    echo "keepalived did not start (see $KA_LOG)" >&2
    return 1
}

ka_stop() {
    if ! ka_running; then echo "keepalived is not running"; return 0; fi
    local pid
    pid=$(cat "$KA_PID")
    kill -TERM "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { echo "Stopping keepalived: keepalived."; return 0; }; sleep 0.1; done
    echo "keepalived did not stop within 10 s" >&2
    return 1
}

case "$name" in
    keepalived)
        case "$action" in
            start) ka_start ;;
            stop) ka_stop ;;
            restart) ka_stop; ka_start ;;
            status) if ka_running; then echo "keepalived is running"; else echo "keepalived is not running"; exit 3; fi ;;
            *) echo "Usage: service keepalived {start|stop|restart|status}" >&2; exit 2 ;;
        esac ;;
    mysql|mariadb|mysqld) exec /etc/init.d/mariadb "$action" ;;
    "") echo "Usage: service NAME ACTION" >&2; exit 2 ;;
    *)
        if [ -x "/etc/init.d/$name" ]; then exec "/etc/init.d/$name" "$action"; fi
        echo "$name: unrecognized service" >&2
        exit 1 ;;
esac
