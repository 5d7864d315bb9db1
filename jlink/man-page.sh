#!/usr/bin/env bash
# Prints viplab(1) in troff. The command list and each command's options come from the built launcher's own
# --help, so the man page cannot drift from the CLI; the rest is written here.
# usage: man-page.sh LAUNCHER VERSION
set -euo pipefail
launcher=$1 version=$2
# troff escapes: backslashes, a leading dot or quote, and minus signs meant literally.
esc() { sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/' -e 's/-/\\-/g'; }
# A command's line in --help is indented by two spaces; its description's continuation lines by more.
commands=$("$launcher" --help | sed -n '/^Commands:/,/^$/p' | grep -E '^  [a-z]' | awk '{print $1}' | grep -vx help)
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)
cat <<MAN
.TH VIPLAB 1 "$date" "VIP Lab $version" "User Commands"
.SH NAME
viplab \- lab and simulator for MySQL HA with keepalived, haproxy and a floating VIP
.SH SYNOPSIS
.B viplab
.RB [ app
.RB [ \-\-inventory
.IR FILE " | "
.B \-\-connect
.IR FILE ]]
.br
.B viplab
.I COMMAND
.RI [ options ]
.br
.B viplab
.BR \-\-help " | " \-\-version
.SH DESCRIPTION
With no command,
.B viplab
opens the desktop app on the built\-in simulator (preset mode1): a drawing of the two database hosts with
the VIP on whoever holds it, charts of VRRP adverts and client probes, and the event list. With a command
it works headless and needs no display.
.PP
Sample drills and the tutorial's configuration files are in
.IR /opt/viplab/samples .
.SH COMMANDS
MAN
for c in $commands; do
  printf '.SS %s\n' "$(printf '%s' "$c" | esc)"
  printf '.nf\n'
  "$launcher" "$c" --help | esc
  printf '.fi\n'
done
cat <<'MAN'
.SH EXIT STATUS
0 on success; 1 when a drill's expectation or an error\-level lint finding failed; 2 for a bad file or
bad arguments; 3 when an engine failed (a host unreachable).
.SH ENVIRONMENT
.TP
.B XDG_CONFIG_HOME
The app keeps its preferences in
.I $XDG_CONFIG_HOME/viplab/prefs.json
(default
.IR ~/.config/viplab/prefs.json ).
.TP
.B JAVA_TOOL_OPTIONS
Extra options for the bundled Java runtime, e.g.
.B \-Dviplab.startupTiming=true
to print where the start\-up time goes.
.SH FILES
.TP
.I /opt/viplab
the app, its Java runtime and its libraries
.TP
.I /opt/viplab/samples/drills
sample drills, each teaching one of the tutorial's traps
.SH EXAMPLES
.nf
viplab drill /opt/viplab/samples/drills/01\-mode1\-basic\-failover.json \-\-report scratch/report
viplab lint \-\-node db1=/etc/keepalived \-\-node db2=db2\-configs
.fi
MAN
