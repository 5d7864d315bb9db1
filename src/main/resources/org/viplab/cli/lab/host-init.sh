#!/bin/bash
# Runs as the only child of a lab host's init (tini, PID 1 of the host's PID namespace), inside the host's
# own network, mount, UTS and IPC namespaces. It makes the host's private files appear at the usual paths
# (bind mounts that exist only in this mount namespace, so they vanish with the host), then waits forever.
set -eu
H=$1
S=$2
D=$S/hosts/$H
hostname "$H"
mount --make-rprivate /
mount --bind "$S/bin/service" /usr/sbin/service
mount --bind "$D/hosts" /etc/hosts
mount --bind "$D/hostname" /etc/hostname
for pair in etc-mysql:/etc/mysql etc-keepalived:/etc/keepalived etc-haproxy:/etc/haproxy etc-ssh:/etc/ssh \
        var-lib-mysql:/var/lib/mysql var-lib-haproxy:/var/lib/haproxy var-log:/var/log tmp:/tmp; do
    mount --bind "$D/${pair%%:*}" "${pair#*:}"
done
# `ip netns exec` gave the host a /sys of its own without the machine's cgroup mounts: mount the cgroup v2
# hierarchy where a Debian 12 host has it, so that a stall can freeze the host's services (a cgroup namespace
# is not made: the stall's cgroup, viplab-stall-HOST, is the machine's, and `lab down` removes it)
mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null || echo "no cgroup2 for $H: stalls are not supported" >&2
# /run last: the state directory lives under it
mount --bind "$D/run" /run
touch /run/viplab-host-ready
exec sleep infinity
