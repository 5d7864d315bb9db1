#!/bin/sh
# Regenerates samples/reports/<drill>/report.html for every simulator drill samples/drills/*.json (HTML only, no
# timestamp), plus samples/reports/index.html. The real-* drills are run on real hosts instead, by
# samples/regenerate-real-reports.sh (root, the one-machine lab). Run it after changing a drill, the simulator or the report template;
# SampleReportsTest fails while a committed sample's verdicts differ from a fresh run.
#
#   samples/regenerate-reports.sh          (builds target/viplab.jar first when it is missing)
set -eu
cd "$(dirname "$0")/.."
[ -f target/viplab.jar ] || mvn -q -o package -DskipTests
# drop reports of drills that no longer exist
for d in samples/reports/*/; do
  [ -d "$d" ] || continue
  name=$(basename "$d")
  [ -f "samples/drills/$name.json" ] || rm -rf "$d"
done
set +e
# a batch replaces its folder whole: the real hosts' reports (real-*) are kept aside and put back
keep=$(mktemp -d)
for d in samples/reports/real-*/; do [ -d "$d" ] && mv "$d" "$keep/"; done
java -jar target/viplab.jar drill $(ls samples/drills/*.json | grep -v '/real-') --report samples/reports --html-only --batch --quiet
rc=$?
for d in "$keep"/*/; do [ -d "$d" ] && mv "$d" samples/reports/; done
rmdir "$keep"
set -e
# exit 1 only means a drill's expectation failed: a sample may show a trap on purpose; 2 and 3 are real errors
[ "$rc" -le 1 ] || exit "$rc"
