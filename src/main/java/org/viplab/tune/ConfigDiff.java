package org.viplab.tune;

import org.viplab.config.ConfigRenderer;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The config lines to change: each node's files as {@link ConfigRenderer} writes them, before and after, compared
 * line by line (longest common subsequence) and shown as unified-diff hunks with one line of context. Only the
 * files that differ appear, so a candidate as written has no diff.
 */
public final class ConfigDiff {
    /** One changed file: {@code NODE/FILE} and its hunks as unified-diff lines ("@@ …", " ctx", "-old", "+new"). */
    public record FileDiff(String path, List<String> lines) {
        /** The file as {@code diff -u} prints it, headers included. */
        public String text() {
            StringBuilder b = new StringBuilder("--- ").append(path).append("\n+++ ").append(path).append('\n');
            for (String l : lines) b.append(l).append('\n');
            return b.toString();
        }
    }

    static final int CONTEXT = 1;

    private ConfigDiff() { }

    public static List<FileDiff> of(Topology before, Topology after) {
        List<FileDiff> out = new ArrayList<>();
        for (NodeSpec a : after.nodes) {
            NodeSpec b = before.node(a.name);
            Map<String, String> old = b == null ? Map.of() : ConfigRenderer.render(before, b);
            for (Map.Entry<String, String> f : ConfigRenderer.render(after, a).entrySet()) {
                String was = old.getOrDefault(f.getKey(), "");
                if (was.equals(f.getValue())) continue;
                out.add(new FileDiff(a.name + "/" + f.getKey(), lines(was.split("\n", -1), f.getValue().split("\n", -1))));
            }
        }
        return out;
    }

    /** Every file's diff, one after the other. */
    public static String text(List<FileDiff> diffs) {
        StringBuilder b = new StringBuilder();
        for (FileDiff d : diffs) b.append(d.text());
        return b.toString();
    }

    /** The hunks turning {@code a} into {@code b}. */
    static List<String> lines(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // the edit script: ' ' kept, '-' removed, '+' added, with each line's number in a and b
        List<char[]> ops = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add(new char[]{' '}); text.add(a[i]); at.add(new int[]{i, j}); i++; j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new char[]{'-'}); text.add(a[i]); at.add(new int[]{i, j}); i++; // removed lines first, as diff -u
            } else {
                ops.add(new char[]{'+'}); text.add(b[j]); at.add(new int[]{i, j}); j++;
            }
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') { k++; continue; }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend the hunk while the next change is within 2 × CONTEXT kept lines
            while (true) {
                while (end < ops.size() && ops.get(end)[0] != ' ') end++;
                int next = end;
                while (next < ops.size() && ops.get(next)[0] == ' ') next++;
                if (next < ops.size() && next - end <= 2 * CONTEXT) end = next; else break;
            }
            int stop = Math.min(ops.size(), end + CONTEXT);
            int aLen = 0;
            int bLen = 0;
            for (int x = start; x < stop; x++) {
                if (ops.get(x)[0] != '+') aLen++;
                if (ops.get(x)[0] != '-') bLen++;
            }
            out.add("@@ -" + (at.get(start)[0] + 1) + "," + aLen + " +" + (at.get(start)[1] + 1) + "," + bLen + " @@");
            for (int x = start; x < stop; x++) out.add(ops.get(x)[0] + text.get(x));
            k = stop;
        }
        return out;
    }
}
