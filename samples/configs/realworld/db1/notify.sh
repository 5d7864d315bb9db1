#!/bin/bash
# notify.sh GROUP STATE: the write side follows the group.
STATE=$2
case "$STATE" in
    MASTER)
        mysql -e "SET GLOBAL read_only = 0"
        # let the read VIP's clients through to the LVS director
        iptables -A INPUT -d 10.9.8.121 -p tcp --dport 3306 -j ACCEPT
        ;;
    BACKUP|FAULT)
        mysql -e "SET GLOBAL read_only = 1"
        ;;
esac
logger -t keepalived-notify "$*"
