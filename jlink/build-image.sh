#!/usr/bin/env bash
# Builds the jlink runtime (JDK + JavaFX modules), then a jpackage app image (and a .deb with "deb": build-deb.sh),
# with the app's own jars on the class path. Run by `mvn -Pdist package` (or -Pdist,deb) after the jar is built.
# Why not a fully modular image: jfreechart is an automatic module, which plain jlink refuses.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-app-image}"
prop() { grep "^$1=" jlink/package.properties | cut -d= -f2-; }
out=target/dist
rm -rf "$out"
mkdir -p "$out/input" "$out/fxmods"
cp target/viplab.jar "$out/input/"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*-linux.jar) cp "$j" "$out/fxmods/" ;;   # modular JavaFX with natives: linked into the runtime
    javafx-*.jar) ;;                              # the empty platform-independent stubs
    *) mkdir -p "$out/input/lib" && cp "$j" "$out/input/lib/" ;;
  esac
done
modules=$(grep -v '^#' jlink/modules.txt | grep -v '^$' | paste -sd, -)
echo "jlink: $modules"
jlink --module-path "$out/fxmods" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages
du -sh "$out/runtime"
args=(--name "$(prop name)" --app-version "$(prop appVersion)" --vendor "$(prop vendor)"
      --description "$(prop description)" --input "$out/input" --main-jar "$(prop mainJar)"
      --main-class "$(prop mainClass)" --runtime-image "$out/runtime" --icon "$(prop icon)" --dest "$out")
jpackage --type app-image "${args[@]}"
echo "app image: $out/$(prop name)/bin/$(prop name)"
if [ "$kind" = deb ]; then
  bash jlink/build-deb.sh
fi
