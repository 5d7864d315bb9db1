#!/usr/bin/env bash
# Packages bash and zsh completion: the scripts the build generated from the CLI's own definition
# (picocli's AutoComplete, `mvn package` writes target/completion/viplab and target/completion/_viplab).
# usage: completion.sh [LAUNCHER] SHARE_DIR (the launcher is not needed any more)
set -euo pipefail
share=$(realpath -m "${!#}")
cd "$(dirname "$0")/.."
src=target/completion
if [ ! -s "$src/viplab" ] || [ ! -s "$src/_viplab" ]; then
  echo "completion: no $src/viplab and $src/_viplab (mvn package makes them); no completion packaged" >&2
  exit 1
fi
# bash sources a completion file, it never runs it: no hashbang (lintian: bash-completion-with-hashbang)
install -d "$share/bash-completion/completions"
sed '1{/^#!/d}' "$src/viplab" >"$share/bash-completion/completions/viplab"
chmod 0644 "$share/bash-completion/completions/viplab"
install -D -m 0644 "$src/_viplab" "$share/zsh/vendor-completions/_viplab"
