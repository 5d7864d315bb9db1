#!/usr/bin/env bash
# Builds target/dist/viplab_VERSION_ARCH.deb from the app image that build-image.sh left in target/dist/viplab.
# Why not `jpackage --type deb`: its maintainer scripts install the menu entry with xdg-desktop-menu, which
# fails (exit 3) where no desktop menu system exists and leaves the package half-installed and unremovable.
# Here the desktop entry and icons are plain files under /usr/share; dpkg's file triggers (desktop-file-utils,
# hicolor-icon-theme) refresh the menu and icon caches where those packages exist, so the package needs no
# maintainer scripts at all. No fakeroot either: dpkg-deb --root-owner-group makes every file root's.
set -euo pipefail
cd "$(dirname "$0")/.."
prop() { grep "^$1=" jlink/package.properties | cut -d= -f2-; }
name=$(prop name)
version="$(prop appVersion)-$(prop debRevision)"
arch=$(dpkg --print-architecture)
image=target/dist/$name
[ -x "$image/bin/$name" ] || { echo "build-deb: no app image in $image (run build-image.sh first)" >&2; exit 1; }
work=target/dist/deb
root=$work/root
rm -rf "$work"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin"

cp -a "$image" "$root/opt/$name"
# Debian's modes: jlink leaves read-only files (0444) and jpackage an executable libapplauncher.so; only
# programs are executable. Native code is stripped as policy asks (jlink --strip-debug only strips Java's).
mapfile -t elves < <(find "$root/opt" -type f -exec sh -c 'for f; do [ "$(head -c4 "$f" | od -An -tx1 | tr -d " \n")" = 7f454c46 ] && echo "$f"; done' _ {} +)
find "$root/opt" -type d -exec chmod 0755 {} +
find "$root/opt" -type f -exec chmod 0644 {} +
for f in "${elves[@]}"; do
  case "$f" in
    *.so) strip --strip-unneeded --remove-section=.comment --remove-section=.note "$f" ;;
    *) strip --remove-section=.comment --remove-section=.note "$f"; chmod 0755 "$f" ;;
  esac
done
# Not a symlink: a script that sets GTK's environment, which the native launcher cannot (jlink/viplab-wrapper.sh).
install -m 0755 jlink/viplab-wrapper.sh "$root/usr/bin/$name"
mkdir -p "$root/opt/$name/samples"
cp -r samples/drills samples/configs samples/exercises "$root/opt/$name/samples/"

share=$root/usr/share
install -D -m 0644 jlink/viplab.desktop "$share/applications/$name.desktop"
for png in icons/viplab-*.png; do
  px=$(basename "$png" .png); px=${px#viplab-}
  install -D -m 0644 "$png" "$share/icons/hicolor/${px}x${px}/apps/$name.png"
done
mkdir -p "$share/man/man1"
bash jlink/man-page.sh "$image/bin/$name" "$version" | gzip -9n >"$share/man/man1/$name.1.gz"
# Shell completion: the scripts come from the CLI's own definition (see jlink/completion.sh).
bash jlink/completion.sh "$image/bin/$name" "$share"

doc=$share/doc/$name
mkdir -p "$doc"
cp jlink/copyright "$doc/copyright"
{
  printf '%s (%s) unstable; urgency=medium\n\n' "$name" "$version"
  printf '  * Release %s: see the README of the source tree for what changed.\n\n' "$version"
  # The date of the last commit, so that two builds of one commit give the same package.
  printf ' -- %s  %s\n' "$(prop maintainer)" "$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")"
} | gzip -9n >"$doc/changelog.Debian.gz"
install -D -m 0644 jlink/lintian-overrides "$share/lintian/overrides/$name"

# One date for every file (the last commit's), so two builds of a commit give the same files, and so the
# AppCDS archive, which checks each jar's date and size, matches what dpkg will unpack.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH=$epoch
find "$root" -exec touch -h -d "@$epoch" {} +
# The AppCDS archive made where it will be used: Java 17 only maps an archive's app classes for the class
# path it was made with, so the training run sees the staged image at /opt/viplab, in a mount namespace of
# its own (root: unshare -m; anyone else: as root of a user namespace, unshare -rm).
stage=$(realpath "$root/opt/$name")
if [ "$(id -u)" = 0 ]; then ns=(unshare -m); else ns=(unshare -rm); fi
if "${ns[@]}" true 2>/dev/null; then
  "${ns[@]}" bash -c 'set -e; mount -t tmpfs tmpfs /opt; mkdir "/opt/$1"; mount --bind "$2" "/opt/$1"; bash jlink/appcds.sh "/opt/$1"' \
    _ "$name" "$stage"
else
  echo "build-deb: no mount namespace here (unshare): the package has no AppCDS archive" >&2
  rm -f "$stage/lib/app/$name.jsa"; sed -i '/SharedArchiveFile/d' "$stage/lib/app/$name.cfg"
fi

# Depends: what the ELF files of the runtime link against (dpkg-shlibdeps), plus GTK 3, which JavaFX's glass
# loads with dlopen and so no linker sees.
mkdir -p "$work/shlibs/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$name" "$name" >"$work/shlibs/debian/control"
runtime=$(realpath "$root/opt/$name/lib/runtime/lib")
abs=("${elves[@]/#/$PWD/}")
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info -l"$runtime" -l"$runtime/server" "${abs[@]}" 2>/dev/null \
         | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
depends="$shlibs, $(prop linuxPackageDeps)"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: $arch
Maintainer: $(prop maintainer)
Installed-Size: $size
Depends: $depends
Section: misc
Priority: optional
Description: $(prop summary)
$(prop longDescription | fold -s -w 78 | sed 's/ *$//; s/^/ /')
CONTROL
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

deb=target/dist/${name}_${version}_${arch}.deb
# gzip, not xz: xz took 17 minutes on the shared 2-core build machine; gzip is several times faster, for a larger file.
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
ls -la "$deb"
