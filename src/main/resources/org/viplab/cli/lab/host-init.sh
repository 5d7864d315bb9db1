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
# /run last: the state directory lives under it
mount --bind "$D/run" /run
touch /run/viplab-host-ready
exec sleep infinity
