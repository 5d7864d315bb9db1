#!/bin/bash
# notify TYPE NAME STATE PRIORITY: every transition of VI_WRITE, to syslog.
logger -t keepalived-notify "$*"
