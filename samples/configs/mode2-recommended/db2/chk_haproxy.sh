#!/bin/bash
# Healthy means haproxy accepts a connection on its MySQL port within 2 s. Whether the databases
# behind it are up is haproxy's own job (option mysql-check). The exit status is the verdict; the
# script never stops keepalived.
exec nc -z -w 2 127.0.0.1 6039
