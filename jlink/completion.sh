#!/usr/bin/env bash
# Installs bash and zsh completion for the package, generated from the CLI's own definition.
# usage: completion.sh LAUNCHER SHARE_DIR
# The CLI prints its bash completion script with `viplab generate-completion` (picocli's AutoComplete
# subcommand); zsh runs the same script through bashcompinit. A CLI without that command (before picocli)
# gets no completion files, and the build says so.
set -euo pipefail
launcher=$1 share=$2
if ! script=$("$launcher" generate-completion 2>/dev/null) || [ -z "$script" ]; then
  echo "completion: this CLI has no 'generate-completion' command yet; no completion files packaged" >&2
  exit 0
fi
install -d "$share/bash-completion/completions" "$share/zsh/vendor-completions"
printf '%s\n' "$script" >"$share/bash-completion/completions/viplab"
{
  echo '#compdef viplab'
  echo '# The bash completion script, run through zsh'"'"'s bash compatibility.'
  echo 'autoload -U +X bashcompinit && bashcompinit'
  printf '%s\n' "$script"
} >"$share/zsh/vendor-completions/_viplab"
chmod 0644 "$share/bash-completion/completions/viplab" "$share/zsh/vendor-completions/_viplab"
