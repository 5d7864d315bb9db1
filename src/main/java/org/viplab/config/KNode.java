package org.viplab.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One keepalived.conf statement: its keyword, the words after it, and, when it opens a block, the
 * statements inside. Positions are kept for the keyword and for every word, so a lint finding can point at
 * the exact value.
 */
public final class KNode {
    public final String keyword;
    public final SourcePos pos;
    public final List<String> args = new ArrayList<>();
    public final List<SourcePos> argPos = new ArrayList<>();
    /** Null when the statement has no block. */
    public List<KNode> children;

    public KNode(String keyword, SourcePos pos) {
        this.keyword = keyword;
        this.pos = pos;
    }

    public boolean isBlock() { return children != null; }

    public String arg(int i) { return i < args.size() ? args.get(i) : null; }

    public SourcePos argPos(int i) { return i < argPos.size() ? argPos.get(i) : pos; }

    /** The first child statement with that keyword, or null. */
    public KNode child(String kw) {
        if (children == null) return null;
        for (KNode c : children) if (c.keyword.equals(kw)) return c;
        return null;
    }

    @Override
    public String toString() { return keyword + " " + String.join(" ", args) + (children != null ? " {" + children.size() + "}" : ""); }
}
