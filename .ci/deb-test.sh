#!/usr/bin/env bash
# The .deb on this machine, as a user would get it: build it, install an older release and upgrade it with
# apt, run the command line and a sample drill from /opt/viplab/bin/viplab, purge it and check that nothing
# it installed is left. Then the same with a desktop's cache tools present (desktop-file-utils,
# gtk-update-icon-cache), whose dpkg triggers must pick the menu entry and the icons up.
# Runs as root with apt (CI); run after `mvn verify` (it reuses target/viplab.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
step() { echo "deb-test: $*"; }

# VIPLAB_DEB=FILE tests a package built before instead of building one.
if [ -n "${VIPLAB_DEB:-}" ]; then
  deb=$VIPLAB_DEB
else
  mvn -B -ntp -Pdist,deb package -DskipTests
  deb=$(ls target/dist/viplab_*.deb)
fi
version=$(dpkg-deb -f "$deb" Version)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "lintian"
if command -v lintian >/dev/null; then
  # Errors and warnings fail; each overridden tag is explained in jlink/lintian-overrides.
  lintian --fail-on error,warning "$deb"
else
  echo "deb-test: lintian not installed, skipped"
fi

[ -z "$(dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -Ev '^\./$|^\./(control|md5sums)$')" ] \
  || fail "maintainer scripts in the package: $(dpkg-deb --ctrl-tarfile "$deb" | tar -t | tr '\n' ' ')"
dpkg -s viplab >/dev/null 2>&1 && fail "viplab is already installed on this machine"
# What the package installs (directories it only shares, like /usr/share, are checked by path below).
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|; s|/$||' | grep -v '^$' >"$work/paths"
mine() { grep -E '^/opt/viplab|/viplab[^/]*$|/_viplab$' "$work/paths"; }

install_check_purge() {
  local label=$1; shift
  step "$label: install an older release, then upgrade to $version with apt"
  # The older release: this package relabelled 0.1.0-1, with one file the new one no longer has.
  dpkg-deb -R "$deb" "$work/old"
  sed -i 's/^Version: .*/Version: 0.1.0-1/' "$work/old/DEBIAN/control"
  echo "left over from 0.1.0-1" >"$work/old/opt/viplab/lib/app/dropped-in-0.1.0-2.txt"
  (cd "$work/old" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
  dpkg-deb --root-owner-group -Zgzip -z1 --build "$work/old" "$work/viplab_old.deb" >/dev/null
  rm -rf "$work/old"
  apt-get install -y -qq "$work/viplab_old.deb" >/dev/null
  [ "$(dpkg-query -W -f '${Status} ${Version}' viplab)" = "install ok installed 0.1.0-1" ] || fail "old release not installed"
  apt-get install -y -qq "$(realpath "$deb")" >/dev/null
  [ "$(dpkg-query -W -f '${Status} ${Version}' viplab)" = "install ok installed $version" ] || fail "upgrade to $version"
  [ ! -e /opt/viplab/lib/app/dropped-in-0.1.0-2.txt ] || fail "the upgrade left the old release's file"

  step "$label: run it"
  /opt/viplab/bin/viplab --version | grep -q '^VIP Lab ' || fail "viplab --version"
  [ "$(viplab --version)" = "$(/opt/viplab/bin/viplab --version)" ] || fail "/usr/bin/viplab is not the app"
  (cd "$work" && /opt/viplab/bin/viplab drill /opt/viplab/samples/drills/01-mode1-basic-failover.json \
      --json "$work/result.json" --quiet) || fail "sample drill from /opt/viplab/bin/viplab"
  grep -q '"passed": *true' "$work/result.json" || fail "the drill's result.json does not say passed"
  if command -v xvfb-run >/dev/null; then
    # The AppCDS archive made for /opt/viplab is mapped: the launcher's own class comes from it.
    JAVA_TOOL_OPTIONS=-Xlog:class+load=info /opt/viplab/bin/viplab --version 2>/dev/null \
      | grep -q 'org.viplab.cli.Launcher source: shared objects file' || fail "the AppCDS archive is not used"
    # The window opens (to its first laid-out frame) with JavaFX's natives from the runtime, not unpacked
    # into the user's home.
    mkdir "$work/home"
    HOME=$work/home JAVA_TOOL_OPTIONS=-Dviplab.startupTiming=exit xvfb-run -a /opt/viplab/bin/viplab >"$work/gui.log" 2>&1 \
      || { cat "$work/gui.log"; fail "the app did not open its window"; }
    grep -q 'startup: first layout' "$work/gui.log" || { cat "$work/gui.log"; fail "no first frame"; }
    ! grep -q 'WARNING' "$work/gui.log" || { cat "$work/gui.log"; fail "the app warned at start-up"; }
    [ ! -e "$work/home/.openjfx" ] || fail "JavaFX unpacked its natives into the user's home"
    rm -rf "$work/home"
  fi
  zcat /usr/share/man/man1/viplab.1.gz | grep -q '^\.SS drill' || fail "man page without the drill command"
  desktop=/usr/share/applications/viplab.desktop
  [ -f "$desktop" ] || fail "no desktop entry"
  ! grep -rqs xdg-desktop-menu /var/lib/dpkg/info/viplab.* || fail "maintainer scripts call xdg-desktop-menu"
  "$@"

  step "$label: purge"
  apt-get purge -y -qq viplab >/dev/null
  dpkg-query -W -f '${Status}' viplab 2>/dev/null | grep -qv 'not-installed' && fail "dpkg still knows viplab: $(dpkg-query -W -f '${Status}' viplab)"
  local left
  left=$(mine | while read -r p; do [ -e "$p" ] || [ -L "$p" ] && echo "$p"; done || true)
  [ -z "$left" ] || fail "left after purge: $left"
  [ ! -e /opt/viplab ] || fail "/opt/viplab left after purge"
  step "$label: nothing left"
}

no_desktop() {
  # Without the menu tools nothing can go wrong in a script, as there is none; the entry is a plain file.
  command -v update-desktop-database >/dev/null && echo "deb-test: (update-desktop-database is present)" || true
}
with_desktop() {
  desktop-file-validate /usr/share/applications/viplab.desktop || fail "desktop-file-validate"
  grep -q 'viplab' /usr/share/applications/mimeinfo.cache 2>/dev/null || true   # no MimeType: nothing to register
  strings /usr/share/icons/hicolor/icon-theme.cache | grep -qx viplab || fail "the icon cache does not list viplab"
}

if dpkg -s desktop-file-utils >/dev/null 2>&1; then
  step "desktop-file-utils is installed here: the no-desktop pass runs with it"
fi
install_check_purge "no desktop" no_desktop
apt-get install -y -qq --no-install-recommends desktop-file-utils gtk-update-icon-cache hicolor-icon-theme >/dev/null
install_check_purge "desktop" with_desktop
# After the purge the icon cache must not list viplab any more (the trigger ran again).
! strings /usr/share/icons/hicolor/icon-theme.cache | grep -qx viplab || fail "the icon cache still lists viplab"
echo "deb-test: OK ($deb)"
