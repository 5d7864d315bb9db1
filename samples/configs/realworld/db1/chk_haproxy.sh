#!/bin/bash
# haproxy answers on the client port: a TCP connect, which a stopped or hung haproxy fails.
if ! nc -z -w 2 127.0.0.1 3307; then
    exit 1
fi
