#!/bin/bash
# The tutorial's two hosts on this machine (how the real lab was built and measured: docs/calibration.md): a bridge in its own network
# namespace, db1 10.9.8.201 and db2 10.9.8.223 each in their own network + PID + mount + UTS + IPC namespaces
# with tini as init, MariaDB dual-master, keepalived (the tutorial's config and check script), haproxy in
# mode 2, and sshd with the lab's own key. Everything it creates is written to $S/records before it is
# created, so `down` removes it even after a half-failed `up`.
#   lab.sh up 1|2     lab.sh down     lab.sh status
# Env: S = state dir (default /run/viplab-lab), BIN = where service.sh and host-init.sh are.
set -euo pipefail
# No `grep -q` after a pipe here: it exits at the first match, the writer before it may then die of SIGPIPE,
# and pipefail turns that found line into a failure (a VIP that is up read as not up, once in ~15 lab ups).
S=${S:-/run/viplab-lab}
BIN=${BIN:-$(dirname "$(readlink -f "$0")")}
NS_SW=viplab-sw
CLIENT_IF=viplab0
SUBNET=10.9.8
CLIENT_IP=$SUBNET.1
VIP=$SUBNET.120
declare -A IP=([db1]=$SUBNET.201 [db2]=$SUBNET.223)
declare -A MAC=([db1]=16:90:de:f4:19:3b [db2]=62:d9:ea:3a:c4:9c)
HOSTS=(db1 db2)
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[%s] %s\n' "$(date +%T.%3N)" "$*"; }
die() { echo "lab: $*" >&2; exit 1; }
record() { echo "$*" >>"$S/records"; }
starttime() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }
init_pid() { awk -v h="init-$1" '$1=="proc" && $4==h {print $2}' "$S/records" | tail -1; }
# run a command inside a lab host, with a clean environment
in_host() {
    local h=$1; shift
    nsenter -t "$(init_pid "$h")" -n -m -p -u -i -- env -i PATH="$PATH" HOME=/root LANG=C TERM=dumb "$@" 9>&-
}

preflight() {
    [ "$(id -u)" = 0 ] || die "must run as root (it creates network namespaces and mounts)"
    [ "$(cat /proc/sys/net/ipv4/ip_forward)" = 0 ] || die "net.ipv4.ip_forward=1 in this namespace: the lab's traffic could be routed off this machine; set it to 0 first"
    [ ! -e "$S/records" ] || die "a lab is already recorded in $S (run 'lab down' first)"
    local n
    for n in $NS_SW viplab-db1 viplab-db2; do
        ! ip netns list | awk '{print $1}' | grep -x "$n" >/dev/null || die "network namespace $n already exists"
    done
    ! ip link show "$CLIENT_IF" >/dev/null 2>&1 || die "interface $CLIENT_IF already exists"
    for a in $CLIENT_IP $VIP ${IP[db1]} ${IP[db2]}; do
        ! ip -o addr show | grep "inet $a/" >/dev/null || die "address $a is already in use on this machine"
    done
    ! ip route show | grep "^$SUBNET\.0/22\|^10\.9\.8\.0/2[0-9]" >/dev/null || die "this machine already routes $SUBNET.0/22"
    for c in keepalived haproxy mariadbd mariadb-install-db sshd ssh-keygen tini nsenter unshare tcpdump sudo; do
        command -v "$c" >/dev/null || die "$c is not installed (apt-get install -y keepalived haproxy mariadb-server mariadb-client openssh-server openssh-client tcpdump iproute2 procps psmisc sudo tini)"
    done
}

write_keepalived() {
    local h=$1 mode=$2 d=$3 state prio script proc sudo=""
    if [ "$h" = db1 ]; then state=MASTER; else state=BACKUP; fi
    if [ "$mode" = 1 ]; then
        script=/etc/keepalived/check_mysql.sh; proc=mysqld
        if [ "$h" = db1 ]; then prio=100; else prio=90; fi
    else
        script=/etc/keepalived/check_haproxy_status.sh; proc=haproxy; sudo="sudo "
        if [ "$h" = db1 ]; then prio=10; else prio=9; fi
    fi
    # the tutorial's keepalived.conf; only router_id, state, priority (and ens33 -> eth0) differ per host
    cat >"$d/etc-keepalived/keepalived.conf" <<CONF
! Configuration File for keepalived

global_defs {
   router_id LVS_${h^^}
}

vrrp_script check_haproxy {
    script "$script"
    interval 3
    weight -5
}

vrrp_instance VI_1 {
    state $state
    interface eth0
    virtual_router_id 51
    priority $prio
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress {
        $VIP dev eth0
    }

    track_script {
        check_haproxy
    }
}
CONF
    cat >"$d/etc-keepalived/${script##*/}" <<CHECK
#!/bin/bash
if [ \$(ps -C $proc --no-header | wc -l) -eq 0 ]; then
    ${sudo}service keepalived stop
fi
CHECK
    chmod 755 "$d/etc-keepalived/${script##*/}"
}

write_haproxy() {
    local d=$1
    # the tutorial's haproxy.cfg, comments left out
    cat >"$d/etc-haproxy/haproxy.cfg" <<CFG
global
    log         127.0.0.1 local2

    chroot      /var/lib/haproxy
    pidfile     /var/run/haproxy.pid
    maxconn     4000
    user        haproxy
    group       haproxy
    daemon

    stats socket /var/lib/haproxy/stats

defaults
    mode                    http
    log                     global
    option                  httplog
    option                  dontlognull
    option http-server-close
    option forwardfor       except 127.0.0.0/8
    option                  redispatch
    retries                 3
    timeout http-request    10s
    timeout queue           1m
    timeout connect         10s
    timeout client          1m
    timeout server          1m
    timeout http-keep-alive 10s
    timeout check           10s
    maxconn                 3000

frontend mysql
    mode tcp
    bind *:6039
    default_backend back_mysql

backend back_mysql
    mode  tcp
    balance     roundrobin
    server  db1 ${IP[db1]}:3306 check
    server  db2 ${IP[db2]}:3306 check
CFG
}

prepare_host() {
    local h=$1 mode=$2 n=$3 d=$S/hosts/$1
    mkdir -p "$d"/{run,etc-keepalived,etc-haproxy,etc-ssh,var-lib-haproxy,var-log,tmp}
    chmod 1777 "$d/tmp"
    mkdir -p "$d/run/mysqld" "$d/run/sshd" "$d/var-log/mysql"
    chown mysql:mysql "$d/run/mysqld" "$d/var-log/mysql"
    chmod 755 "$d/run/sshd"
    cp -a /etc/mysql "$d/etc-mysql"
    cp -a "$S/mysql-template" "$d/var-lib-mysql"
    cp -a /var/lib/haproxy/. "$d/var-lib-haproxy/" 2>/dev/null || true
    cp -a /etc/haproxy/errors "$d/etc-haproxy/" 2>/dev/null || true
    printf '127.0.0.1 localhost\n%s db1\n%s db2\n' "${IP[db1]}" "${IP[db2]}" >"$d/hosts"
    echo "$h" >"$d/hostname"
    # MariaDB 10.11's process is mariadbd; started through the mysqld link it is named mysqld, which the
    # tutorial's `ps -C mysqld` needs. The version suffix names the host in the client greeting.
    cat >"$d/etc-mysql/mariadb.conf.d/50-mysqld_safe.cnf" <<CNF
[mysqld_safe]
nice = 0
skip-syslog
mysqld = mysqld
log-error = /var/log/mysql/error.log
CNF
    cat >"$d/etc-mysql/mariadb.conf.d/60-viplab.cnf" <<CNF
[mysqld]
server-id = $n
log-bin = mysql-bin
log_slave_updates = 1
auto_increment_increment = 2
auto_increment_offset = $n
bind-address = 0.0.0.0
skip-name-resolve
innodb_buffer_pool_size = 32M
max_connect_errors = 1000000
log-error = /var/log/mysql/error.log
version = $(mariadbd --version 2>/dev/null | sed -E 's/.*Ver ([^ ]+).*/\1/' | sed 's/-0+deb.*//')-$h
CNF
    write_keepalived "$h" "$mode" "$d"
    if [ "$mode" = 2 ]; then write_haproxy "$d"; fi
    ssh-keygen -q -t ed25519 -N '' -C "$h" -f "$d/etc-ssh/ssh_host_ed25519_key"
    ssh-keygen -q -t ecdsa -N '' -C "$h" -f "$d/etc-ssh/ssh_host_ecdsa_key"
    cp "$S/id_ed25519.pub" "$d/etc-ssh/viplab_authorized_keys"
    cat >"$d/etc-ssh/sshd_config" <<CFG
Port 22
ListenAddress 0.0.0.0
HostKey /etc/ssh/ssh_host_ed25519_key
HostKey /etc/ssh/ssh_host_ecdsa_key
PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthorizedKeysFile /etc/ssh/viplab_authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PidFile /run/sshd.pid
MaxSessions 20
MaxStartups 50
CFG
    echo "${IP[$h]} $(cut -d' ' -f1-2 "$d/etc-ssh/ssh_host_ed25519_key.pub")" >>"$S/known_hosts"
    echo "${IP[$h]} $(cut -d' ' -f1-2 "$d/etc-ssh/ssh_host_ecdsa_key.pub")" >>"$S/known_hosts"
}

start_host() {
    local h=$1 ns=viplab-$1 pid child
    record "netns $ns"
    ip netns add "$ns"
    ip -n $NS_SW link add "$h" type veth peer name eth0 netns "$ns"
    ip -n "$ns" link set eth0 address "${MAC[$h]}"
    ip -n $NS_SW link set "$h" master br0 up
    ip -n "$ns" link set lo up
    ip -n "$ns" addr add "${IP[$h]}/22" dev eth0
    ip -n "$ns" link set eth0 up
    ip netns exec "$ns" setsid unshare --pid --fork --mount-proc --mount --uts --ipc --propagation private \
        tini -- /bin/bash "$S/bin/host-init.sh" "$h" "$S" </dev/null >"$S/hosts/$h/init.log" 2>&1 9>&- &
    pid=$!
    record "proc $pid $(starttime $pid) unshare-$h"
    for _ in $(seq 100); do
        child=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null | awk '{print $1}')
        [ -n "$child" ] && break
        sleep 0.05
    done
    [ -n "$child" ] || die "$h: init did not start (see $S/hosts/$h/init.log)"
    record "proc $child $(starttime "$child") init-$h"
    for _ in $(seq 100); do
        in_host "$h" test -e /run/viplab-host-ready 2>/dev/null && return 0
        sleep 0.05
    done
    die "$h: host did not come up (see $S/hosts/$h/init.log)"
}

sql() { local h=$1; shift; in_host "$h" mariadb -N -B -e "$*"; }

up() {
    local mode=$1
    [ "$mode" = 1 ] || [ "$mode" = 2 ] || die "mode must be 1 or 2"
    preflight
    mkdir -p "$S"
    chmod 755 "$S"
    : >"$S/records"
    record "dir $S"
    echo "MODE=$mode" >"$S/lab.env"
    mkdir -p "$S/bin"
    install -m 755 "$BIN/service.sh" "$S/bin/service"
    install -m 755 "$BIN/host-init.sh" "$S/bin/host-init.sh"
    log "client key, MariaDB data directory"
    ssh-keygen -q -t ed25519 -N '' -C viplab-lab -f "$S/id_ed25519"
    : >"$S/known_hosts"
    mariadb-install-db --no-defaults --user=mysql --datadir="$S/mysql-template" --skip-test-db \
        --auth-root-authentication-method=socket >"$S/mysql-install.log" 2>&1 \
        || die "mariadb-install-db failed (see $S/mysql-install.log)"
    prepare_host db1 "$mode" 1
    prepare_host db2 "$mode" 2
    log "network: bridge in $NS_SW, client $CLIENT_IF $CLIENT_IP/22"
    record "netns $NS_SW"
    ip netns add $NS_SW
    ip -n $NS_SW link add br0 type bridge stp_state 0 mcast_snooping 0
    ip -n $NS_SW link set lo up
    ip -n $NS_SW link set br0 up
    record "link $CLIENT_IF"
    ip link add $CLIENT_IF type veth peer name client netns $NS_SW
    ip -n $NS_SW link set client master br0 up
    ip addr add $CLIENT_IP/22 dev $CLIENT_IF
    ip link set $CLIENT_IF up
    for h in "${HOSTS[@]}"; do start_host "$h"; done
    log "hosts up: sshd and MariaDB"
    for h in "${HOSTS[@]}"; do
        in_host "$h" service ssh start >>"$S/hosts/$h/services.log" 2>&1 || die "$h: sshd did not start"
        in_host "$h" service mariadb start >>"$S/hosts/$h/services.log" 2>&1 &
    done
    wait %% 2>/dev/null || true
    for h in "${HOSTS[@]}"; do
        for _ in $(seq 200); do sql "$h" "select 1" >/dev/null 2>&1 && break; sleep 0.1; done
        sql "$h" "select 1" >/dev/null || die "$h: MariaDB did not start (see $S/hosts/$h/var-log/mysql/error.log)"
    done
    log "dual-master replication"
    for h in "${HOSTS[@]}"; do
        sql "$h" "SET sql_log_bin=0; CREATE USER 'repl'@'$SUBNET.%' IDENTIFIED BY 'viplab-repl'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'$SUBNET.%'; SET sql_log_bin=1;"
    done
    for pair in db1:db2 db2:db1; do
        local me=${pair%%:*} other=${pair#*:} file pos
        read -r file pos _ < <(sql "$other" "SHOW MASTER STATUS")
        sql "$me" "CHANGE MASTER TO MASTER_HOST='${IP[$other]}', MASTER_USER='repl', MASTER_PASSWORD='viplab-repl', MASTER_LOG_FILE='$file', MASTER_LOG_POS=$pos, MASTER_CONNECT_RETRY=2; START SLAVE;"
    done
    if [ "$mode" = 2 ]; then
        log "haproxy"
        for h in "${HOSTS[@]}"; do in_host "$h" service haproxy start >>"$S/hosts/$h/services.log" 2>&1 || die "$h: haproxy did not start"; done
    fi
    log "keepalived"
    for h in "${HOSTS[@]}"; do in_host "$h" service keepalived start >>"$S/hosts/$h/services.log" 2>&1 || die "$h: keepalived did not start"; done
    # keepalived 2.x starts even `state MASTER` in BACKUP and waits Master_Down_Interval (about 3.6 s)
    for _ in $(seq 200); do
        ip -n viplab-db1 -o addr show dev eth0 | grep "inet $VIP/" >/dev/null && break
        sleep 0.1
    done
    if ! ip -n viplab-db1 -o addr show dev eth0 | grep "inet $VIP/" >/dev/null; then
        for h in "${HOSTS[@]}"; do
            echo "--- $h: processes and keepalived log"
            in_host "$h" ps -e -o pid,stat,comm || true
            grep -v "gratuitous ARP on\|lower priority" "$S/hosts/$h/var-log/keepalived.log" | tail -15 || true
        done
        die "the VIP did not come up on db1 within 20 s"
    fi
    # replication both ways, for the record
    sql db1 "CREATE DATABASE IF NOT EXISTS viplab; CREATE TABLE IF NOT EXISTS viplab.t (id INT AUTO_INCREMENT PRIMARY KEY, host VARCHAR(8)); INSERT INTO viplab.t (host) VALUES ('db1')"
    sql db2 "INSERT INTO viplab.t (host) SELECT 'db2' FROM DUAL WHERE EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema='viplab')" 2>/dev/null || true
    log "up: mode $mode, VIP $VIP on db1"
}

kill_recorded() {
    local kind pid st label
    # newest first
    tac "$S/records" | while read -r kind pid st label; do
        [ "$kind" = proc ] || continue
        if [ -n "$pid" ] && [ "$(starttime "$pid")" = "$st" ]; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    # killing a host's init kills every process of its PID namespace; wait for them to go
    tac "$S/records" | while read -r kind pid st label; do
        [ "$kind" = proc ] || continue
        for _ in $(seq 100); do [ "$(starttime "$pid")" = "$st" ] || break; sleep 0.05; done
    done
}

down() {
    if [ ! -e "$S/records" ]; then
        local left=""
        for n in $NS_SW viplab-db1 viplab-db2; do ip netns list | awk '{print $1}' | grep -x "$n" >/dev/null && left="$left $n"; done
        [ -z "$left" ] || die "no lab recorded in $S, but namespaces$left exist: made by another state dir?"
        rm -f /run/viplab-lab.lock
        echo "no lab is up"
        return 0
    fi
    [ "$(id -u)" = 0 ] || die "must run as root"
    kill_recorded
    # a stall's cgroup (viplab-stall-HOST, made by the SSH engine inside a host) is the machine's, not the host's:
    # it outlives the host; its processes died with the host's init (SIGKILL ends frozen tasks too)
    local cg
    cg=$(awk '$3=="cgroup2"{print $2; exit}' /proc/self/mounts)
    if [ -n "$cg" ]; then
        for h in "${HOSTS[@]}"; do
            if [ -d "$cg/viplab-stall-$h" ]; then
                for _ in $(seq 100); do rmdir "$cg/viplab-stall-$h" 2>/dev/null && break; sleep 0.05; done
            fi
        done
    fi
    local kind name rest
    tac "$S/records" | while read -r kind name rest; do
        case "$kind" in
            link) ip link del "$name" 2>/dev/null || true ;;
            netns) ip netns del "$name" 2>/dev/null || true ;;
        esac
    done
    local problems=""
    for n in $NS_SW viplab-db1 viplab-db2; do ip netns list | awk '{print $1}' | grep -x "$n" >/dev/null && problems="$problems netns:$n"; done
    ip link show $CLIENT_IF >/dev/null 2>&1 && problems="$problems link:$CLIENT_IF"
    for h in "${HOSTS[@]}"; do [ -n "$cg" ] && [ -d "$cg/viplab-stall-$h" ] && problems="$problems cgroup:$cg/viplab-stall-$h"; done
    while read -r kind name st rest; do
        [ "$kind" = proc ] && [ "$(starttime "$name")" = "$st" ] && problems="$problems pid:$name"
    done <"$S/records"
    [ -z "$problems" ] || die "could not remove:$problems (records kept in $S/records)"
    rm -rf "$S"
    rm -f /run/viplab-lab.lock
    echo "down: nothing left"
}

status() {
    if [ ! -e "$S/records" ]; then echo "no lab is up"; exit 3; fi
    . "$S/lab.env"
    echo "mode $MODE, state $S"
    local h
    for h in "${HOSTS[@]}"; do
        local pid vip="" procs
        pid=$(init_pid "$h")
        if [ -z "$pid" ] || [ ! -d "/proc/$pid" ]; then echo "$h ${IP[$h]}: DOWN (no init)"; continue; fi
        ip -n "viplab-$h" -o addr show dev eth0 2>/dev/null | grep "inet $VIP/" >/dev/null && vip=" holds VIP $VIP"
        procs=$(in_host "$h" ps -e -o comm= | sort | uniq -c | awk '$2 ~ /^(mysqld|mariadbd|haproxy|keepalived|sshd)$/ {printf "%s%s(%d)", sep, $2, $1; sep=" "}')
        echo "$h ${IP[$h]}:$vip  ${procs:-no services}"
    done
}

# one lab up/down at a time on this machine: the namespace names are global
if [ "${1:-}" = up ] || [ "${1:-}" = down ]; then
    # the hosts and their services must not inherit this descriptor (they would hold the lock for good):
    # every long-lived child is started with 9>&-
    exec 9>/run/viplab-lab.lock
    flock -n 9 || die "another 'lab up' or 'lab down' is running on this machine"
fi

case "${1:-}" in
    up) up "${2:-1}" ;;
    down) down ;;
    status) status ;;
    *) echo "usage: lab.sh up 1|2 | down | status" >&2; exit 2 ;;
esac
