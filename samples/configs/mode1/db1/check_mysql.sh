#!/bin/bash
if [ $(ps -C mysqld --no-header | wc -l) -eq 0 ]; then
    service keepalived stop
fi
