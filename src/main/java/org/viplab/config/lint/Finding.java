package org.viplab.config.lint;

import org.viplab.config.SourcePos;

import java.util.Locale;

/**
 * One lint finding: which rule, how bad, where (file and line), what is wrong, why it matters, the fix,
 * and, for findings about behaviour, what the simulator showed when it ran the matching fault on the
 * imported topology ({@code proofText}, null when there is nothing to run). The texts are {@link LintText}s,
 * read in a language with {@link #message(Locale)} and friends; the plain accessors read English.
 */
public record Finding(String rule, Severity severity, String node, SourcePos pos, LintText messageText, LintText whyText,
                      LintText fixText, LintText proofText) {

    /** A finding with fixed texts (the same in every language). */
    public Finding(String rule, Severity severity, String node, SourcePos pos, String message, String why, String fix, String proof) {
        this(rule, severity, node, pos, LintText.literal(message), LintText.literal(why), LintText.literal(fix),
                proof == null ? null : LintText.literal(proof));
    }

    public Finding withProof(String p) { return withProof(p == null ? null : LintText.literal(p)); }

    public Finding withProof(LintText p) { return new Finding(rule, severity, node, pos, messageText, whyText, fixText, p); }

    public String message() { return message(Locale.ENGLISH); }

    public String why() { return why(Locale.ENGLISH); }

    public String fix() { return fix(Locale.ENGLISH); }

    /** What the simulator showed, or null. */
    public String proof() { return proof(Locale.ENGLISH); }

    public String message(Locale l) { return messageText.render(l); }

    public String why(Locale l) { return whyText.render(l); }

    public String fix(Locale l) { return fixText.render(l); }

    public String proof(Locale l) { return proofText == null ? null : proofText.render(l); }

    /** Multi-line text for a terminal, in English. */
    public String toText() { return toText(Locale.ENGLISH); }

    /** Multi-line text for a terminal in a language: the severity and the labels are translated, the rule id is not. */
    public String toText(Locale l) {
        StringBuilder b = new StringBuilder();
        b.append(pos).append(": ").append(severityText(severity, l)).append(" [").append(rule).append("] ").append(message(l)).append('\n');
        b.append("    ").append(LintText.of("lint.label.why").render(l)).append(' ').append(why(l)).append('\n');
        b.append("    ").append(LintText.of("lint.label.fix").render(l)).append(' ').append(fix(l)).append('\n');
        if (proofText != null) b.append("    ").append(LintText.of("lint.label.simulated").render(l)).append(' ').append(proof(l)).append('\n');
        return b.toString();
    }

    /** "error", "warning", "info" in English (as {@link Severity#id()}), translated otherwise. */
    public static String severityText(Severity s, Locale l) {
        return LintText.of("lint.severity." + s.id()).render(l);
    }
}
