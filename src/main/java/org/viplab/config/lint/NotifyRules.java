package org.viplab.config.lint;

import org.viplab.config.NodeConfig;
import org.viplab.config.NotifyScript;
import org.viplab.config.SourcePos;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** notify_master / notify_backup / notify_fault / notify scripts: will they run, and can they run twice? */
final class NotifyRules {
    /** Changes that fail or pile up when done a second time. */
    private static final Pattern NOT_IDEMPOTENT = Pattern.compile(
            "\\bip\\s+(-\\S+\\s+)*(a|addr|address|r|ro|route)\\s+add\\b|\\biptables\\b.*\\s(-A|-I|--append|--insert)\\s");
    /** A look before the change: the script checks whether it is done already. */
    private static final Pattern CHECK = Pattern.compile(
            "\\bgrep\\b|\\bip\\s+(-\\S+\\s+)*(a|addr|address|r|ro|route)\\s+(s|show|list|get)\\b|\\biptables\\b.*\\s(-C|--check)\\s");

    private NotifyRules() { }

    static void check(LintContext c) {
        for (NodeConfig nc : c.nodes()) {
            Set<String> seen = new HashSet<>();
            for (NotifyScript ns : nc.notifyScripts) {
                // one finding per script, however many keywords and instances name it
                if (!seen.add(ns.file() != null ? ns.file().toString() : ns.command().value())) continue;
                runnable(c, nc, ns);
                idempotent(c, nc, ns);
            }
        }
    }

    private static void runnable(LintContext c, NodeConfig nc, NotifyScript ns) {
        if (ns.file() == null && ns.inConfDir()) {
            c.add("notify-script-not-runnable", Severity.WARNING, nc, ns.command().pos(),
                    LintText.of("lint.notify-script-not-runnable.missing.message", ns.keyword(), ns.owner(), ns.path(), nc.dir),
                    LintText.of("lint.notify-script-not-runnable.missing.why"),
                    LintText.of("lint.notify-script-not-runnable.missing.fix", ns.path()), null);
        } else if (ns.file() != null && !ns.executable() && !ns.interpreted()) {
            c.add("notify-script-not-runnable", Severity.WARNING, nc, ns.command().pos(),
                    LintText.of("lint.notify-script-not-runnable.exec.message", ns.keyword(), ns.owner(), ns.file()),
                    LintText.of("lint.notify-script-not-runnable.exec.why"),
                    LintText.of("lint.notify-script-not-runnable.exec.fix", ns.path()), null);
        }
    }

    /** The first change that is not preceded by a check, and not guarded on its own line ({@code || true}). */
    private static void idempotent(LintContext c, NodeConfig nc, NotifyScript ns) {
        String[] lines = ns.text().split("\n", -1);
        boolean checked = false;
        for (int i = 0; i < lines.length; i++) {
            String l = stripComment(lines[i]);
            if (NOT_IDEMPOTENT.matcher(l).find() && !checked && !l.contains("||")) {
                SourcePos pos = ns.file() != null ? SourcePos.of(ns.file(), i + 1, 1) : ns.command().pos();
                c.add("notify-not-idempotent", Severity.WARNING, nc, pos,
                        LintText.of("lint.notify-not-idempotent.message", ns.keyword(), ns.owner(), l.trim()),
                        LintText.of("lint.notify-not-idempotent.why"),
                        LintText.of("lint.notify-not-idempotent.fix"), null);
                return;
            }
            if (CHECK.matcher(l).find()) checked = true;
        }
    }

    private static String stripComment(String l) {
        String t = l.strip();
        return t.startsWith("#") ? "" : l;
    }
}
