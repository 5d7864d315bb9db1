#!/bin/sh
# Regenerates samples/reports/real-*/ from real hosts: each samples/drills/real-*.json runs on the simulator and
# then on the one-machine lab's hosts (--engine both), giving real-*/ssh/report.html (REAL HOSTS), sim/report.html
# (SIMULATOR) and comparison.html. Needs root (the lab's network namespaces) and takes the machine-wide lab lock;
# the lab is brought down again whatever happens.
#
#   sudo samples/regenerate-real-reports.sh
set -eu
cd "$(dirname "$0")/.."
[ -f target/viplab.jar ] || mvn -q -o package -DskipTests
if [ "${VIPLAB_LAB_LOCKED:-}" != 1 ]; then
  VIPLAB_LAB_LOCKED=1 exec flock /tmp/viplab-lab.lock "$0" "$@"
fi
trap './viplab lab down >/dev/null 2>&1 || true' EXIT
for mode in 1 2; do
  drills=$(ls samples/drills/real-mode"$mode"-*.json 2>/dev/null || true)
  [ -n "$drills" ] || continue
  ./viplab lab up --mode "$mode"
  # on a loaded machine the hosts' sshd answers its first commands slowly right after lab up: let it settle
  sleep "${VIPLAB_SETTLE_S:-20}"
  for f in $drills; do
    name=$(basename "$f" .json)
    set +e
    ./viplab drill "$f" --engine both --report "samples/reports/$name" --html-only --quiet
    rc=$?
    set -e
    # 1 only means an expectation failed (on either engine): the report shows it; 2 and 3 are real errors
    [ "$rc" -le 1 ] || exit "$rc"
  done
  ./viplab lab down
done
