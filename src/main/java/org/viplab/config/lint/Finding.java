package org.viplab.config.lint;

import org.viplab.config.SourcePos;

/**
 * One lint finding: which rule, how bad, where (file and line), what is wrong, why it matters, the fix,
 * and, for findings about behaviour, what the simulator showed when it ran the matching fault on the
 * imported topology ({@code proof}, null when there is nothing to run).
 */
public record Finding(String rule, Severity severity, String node, SourcePos pos, String message, String why, String fix,
                      String proof) {
    public Finding withProof(String p) { return new Finding(rule, severity, node, pos, message, why, fix, p); }

    /** Multi-line text for a terminal. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(pos).append(": ").append(severity.id()).append(" [").append(rule).append("] ").append(message).append('\n');
        b.append("    why: ").append(why).append('\n');
        b.append("    fix: ").append(fix).append('\n');
        if (proof != null) b.append("    simulated: ").append(proof).append('\n');
        return b.toString();
    }
}
