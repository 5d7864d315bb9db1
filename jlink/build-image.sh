#!/usr/bin/env bash
# Builds the jlink runtime (JDK + JavaFX modules), then a jpackage app image (and a .deb with "deb": build-deb.sh),
# with the app's own jars on the class path. Run by `mvn -Pdist package` (or -Pdist,deb) after the jar is built.
# Why not a fully modular image: jfreechart is an automatic module, which plain jlink refuses.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-app-image}"
prop() { grep "^$1=" jlink/package.properties | cut -d= -f2-; }
name=$(prop name)
out=target/dist
rm -rf "$out"
mkdir -p "$out/input" "$out/fxmods" "$out/natives"
cp target/viplab.jar "$out/input/"
for j in target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*-linux.jar) cp "$j" "$out/fxmods/" ;;   # modular JavaFX with natives: linked into the runtime
    javafx-*.jar) ;;                              # the empty platform-independent stubs
    *) mkdir -p "$out/input/lib" && cp "$j" "$out/input/lib/" ;;
  esac
done
# JavaFX's Maven jars carry their native libraries as resources, which JavaFX copies into ~/.openjfx/cache on
# every user's first start and checks there on every start after. Taken out of the jars and put in the
# runtime's lib/ (where OpenJFX's own jmods put them), they load from there like the JDK's own.
for j in "$out"/fxmods/*.jar; do
  x=$(mktemp -d)
  (cd "$x" && jar xf "$OLDPWD/$j")
  if compgen -G "$x/*.so" >/dev/null; then
    mv "$x"/*.so "$out/natives/"
    rm -rf "$x/META-INF/MANIFEST.MF"
    rm "$j" && jar --create --file "$j" -C "$x" .
  fi
  rm -rf "$x"
done
modules=$(grep -v '^#' jlink/modules.txt | grep -v '^$' | paste -sd, -)
echo "jlink: $modules"
# --generate-cds-archive: the JDK's default CDS archive (lib/server/classes.jsa), which the runtime otherwise lacks.
jlink --module-path "$out/fxmods" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive
cp "$out"/natives/*.so "$out/runtime/lib/"
du -sh "$out/runtime"
args=(--name "$name" --app-version "$(prop appVersion)" --vendor "$(prop vendor)"
      --description "$(prop description)" --input "$out/input" --main-jar "$(prop mainJar)"
      --main-class "$(prop mainClass)" --runtime-image "$out/runtime" --icon "$(prop icon)" --dest "$out"
      --java-options -XX:+UseSerialGC --java-options -Xms24m --java-options -XX:MinHeapFreeRatio=10
      --java-options -XX:MaxHeapFreeRatio=30 --java-options -XX:+UnlockExperimentalVMOptions
      --java-options -XX:TrimNativeHeapInterval=10000)   # as ./viplab, which says why: README, Figures (appbench)
jpackage --type app-image "${args[@]}"
bash jlink/appcds.sh "$out/$name"
echo "app image: $out/$name/bin/$name"
if [ "$kind" = deb ]; then
  bash jlink/build-deb.sh
fi
