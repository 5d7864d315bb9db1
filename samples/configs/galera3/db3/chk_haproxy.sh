#!/bin/bash
# A TCP connect to port 6039: passes while anything listens there.
if ! nc -z -w 2 127.0.0.1 6039; then
    exit 1
fi
