#!/bin/bash
# Healthy means mysqld answers within 2 s: a hung, starting or shutting-down mysqld fails, which a
# process check (ps -C mysqld) would pass. The exit status is the verdict; the script never stops
# keepalived. Credentials come from a file readable by keepalived_script only.
exec mysqladmin --defaults-extra-file=/etc/keepalived/check.cnf --connect-timeout=2 -h 127.0.0.1 -P 3306 ping
