#!/usr/bin/env bash
# AppCDS for an app image: one training start of the app, under a virtual X server, up to its first laid-out
# frame (-Dviplab.startupTiming=exit), records every class it loaded into lib/app/viplab.jsa (a dynamic
# archive on top of the runtime's classes.jsa), and the launcher is told to map it. Loading those classes
# from the archive instead of parsing and verifying them is most of what a JVM can save at start-up.
# usage: appcds.sh APP_IMAGE_DIR
# Java 17 checks the archive's class path against the running one, path for path: the archive is only used
# where it was made. build-deb.sh therefore runs this again with the image mounted at /opt/viplab.
# Without xvfb-run there is no training run: the image still works, without the app archive.
set -euo pipefail
app=$1
name=$(basename "$app")
cfg=$app/lib/app/$name.cfg
jsa=$app/lib/app/$name.jsa
if ! command -v xvfb-run >/dev/null; then
  echo "appcds: no xvfb-run (apt-get install xvfb xauth): image built without an AppCDS archive" >&2
  exit 0
fi
rm -f "$jsa"
sed -i '/SharedArchiveFile/d' "$cfg"
# The class path exactly as the launcher will build it from the cfg.
appdir=$(realpath "$app/lib/app")
cp=$(sed -n 's/^app.classpath=//p' "$cfg" | sed "s|\$APPDIR|$appdir|" | paste -sd:)
main=$(sed -n 's/^app.mainclass=//p' "$cfg")
home=$(mktemp -d)
# A fresh config dir, so the training start is a first start with default preferences.
if HOME=$home timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" "$app/lib/runtime/bin/java" \
     -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
     -Dviplab.startupTiming=exit -Dviplab.configDir="$home/config" -cp "$cp" "$main" >"$home/log" 2>&1 \
   && [ -s "$jsa" ]; then
  chmod 0644 "$jsa"   # the JVM writes it read-only
  echo 'java-options=-XX:SharedArchiveFile=$APPDIR/'"$name"'.jsa' >>"$cfg"
  echo "appcds: $(du -h "$jsa" | cut -f1) archive of $(grep -o '[0-9]* classes' "$home/log" | tail -1) for $appdir"
else
  echo "appcds: the training run failed; image built without an AppCDS archive:" >&2
  tail -20 "$home/log" >&2
  rm -f "$jsa"
fi
rm -rf "$home"
