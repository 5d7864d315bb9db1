package org.viplab.config;

import org.viplab.core.model.CheckScriptSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the common shapes of keepalived check scripts: what they test ({@code ps -C NAME}, {@code pidof},
 * {@code pgrep}, {@code killall -0}, {@code systemctl is-active}, {@code mysqladmin ping}, {@code mysql -e},
 * {@code curl}/{@code nc} to a port) and what they do on failure ({@code service keepalived stop},
 * {@code systemctl stop keepalived}, possibly under sudo, or exit status only). Shell is not parsed in full:
 * anything else is reported as "cannot tell", never guessed.
 */
public final class ScriptAnalyzer {
    private static final Pattern PS_C = Pattern.compile("\\bps\\b[^|;&\\n]*?-C\\s*([A-Za-z0-9_.-]+)");
    private static final Pattern PS_GREP = Pattern.compile("\\bps\\b[^\\n]*\\|\\s*grep\\s+(?:-[a-zA-Z]+\\s+)*([\\[\\]A-Za-z0-9_.-]+)");
    private static final Pattern STATUS = Pattern.compile("\\b(?:systemctl\\s+status\\s+([A-Za-z0-9_.@-]+)|service\\s+([A-Za-z0-9_.@-]+)\\s+status)");
    private static final Pattern PIDOF = Pattern.compile("\\bpidof\\s+(?:-[a-z]+\\s+)*([A-Za-z0-9_.-]+)");
    private static final Pattern PGREP = Pattern.compile("\\bpgrep\\s+(?:-[a-zA-Z]+\\s+)*([A-Za-z0-9_.^$-]+)");
    private static final Pattern KILLALL0 = Pattern.compile("\\bkillall\\s+-0\\s+([A-Za-z0-9_.-]+)");
    private static final Pattern IS_ACTIVE = Pattern.compile("\\bsystemctl\\s+(?:--quiet\\s+|-q\\s+)?is-active\\s+(?:--quiet\\s+|-q\\s+)?([A-Za-z0-9_.@-]+)");
    private static final Pattern MYSQLADMIN = Pattern.compile("\\bmysqladmin\\b[^\\n]*\\bping\\b|\\bmariadb-admin\\b[^\\n]*\\bping\\b");
    private static final Pattern MYSQL_E = Pattern.compile("\\b(mysql|mariadb)\\b[^\\n|]*?\\s(-e|--execute)[\\s=]");
    private static final Pattern CURL = Pattern.compile("\\bcurl\\b[^\\n]*?https?://[^/:\\s]+:(\\d+)|\\bcurl\\b[^\\n]*?\\s[^/:\\s]+:(\\d+)");
    private static final Pattern NC = Pattern.compile("\\b(?:nc|ncat)\\b[^\\n]*?-z[^\\n]*?\\s(\\d{2,5})(?=\\s|;|$)");
    private static final Pattern DEV_TCP = Pattern.compile("/dev/tcp/[^/\\s]+/(\\d+)");
    private static final Pattern PORT_OPT = Pattern.compile("(?:-P\\s*|--port[=\\s])(\\d+)");
    private static final Pattern STOP = Pattern.compile(
            "(?:(sudo)\\s+)?(service\\s+keepalived\\s+stop|systemctl\\s+stop\\s+keepalived(?:\\.service)?|/etc/init\\.d/keepalived\\s+stop"
            + "|killall\\s+keepalived|pkill\\s+(?:-f\\s+)?keepalived)");
    private static final Pattern EXIT_NONZERO = Pattern.compile("\\bexit\\s+([1-9][0-9]*|\\$\\?|\\$[A-Za-z_]+)");

    /** Check scripts are a few lines; anything this big is not one. */
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_LINE = 4096;

    private ScriptAnalyzer() { }

    /** Analyses a script's text; {@code source} names it in the explanations. */
    public static ScriptAnalysis analyze(String text, String source) {
        ScriptAnalysis a = new ScriptAnalysis();
        a.source = source;
        if (text.length() > MAX_CHARS) {
            a.explanations.add("the script is " + text.length() + " characters long, over the " + MAX_CHARS
                    + " VIP Lab analyses: cannot tell what it does");
            return a;
        }
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            // Bounds the regex work per line; a check script's lines are short.
            lines.add(stripComment(raw.length() > MAX_LINE ? raw.substring(0, MAX_LINE) : raw));
        }
        findTest(a, lines);
        findStop(a, lines);
        exitStatus(a, lines);
        return a;
    }

    /** Drops a # comment that starts a word outside quotes (good enough for check scripts; #! included). */
    static String stripComment(String line) {
        boolean sq = false;
        boolean dq = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dq) sq = !sq;
            else if (c == '"' && !sq) dq = !dq;
            else if (c == '#' && !sq && !dq && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                if (i + 1 < line.length() && line.charAt(i + 1) == '{') continue; // ${#var}
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static void findTest(ScriptAnalysis a, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher m;
            if ((m = PS_C.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "ps -C " + m.group(1), i, m.group(1), null);
            } else if ((m = PS_GREP.matcher(l)).find()) {
                String name = m.group(1).replace("[", "").replace("]", "");
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "ps | grep " + name, i, name, null);
            } else if ((m = PIDOF.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "pidof " + m.group(1), i, m.group(1), null);
            } else if ((m = PGREP.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "pgrep " + m.group(1), i, m.group(1).replace("^", "").replace("$", ""), null);
            } else if ((m = KILLALL0.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "killall -0 " + m.group(1), i, m.group(1), null);
            } else if ((m = IS_ACTIVE.matcher(l)).find()) {
                String unit = m.group(1).replaceAll("\\.service$", "");
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "systemctl is-active " + unit, i, unit, null);
                a.explanations.add("systemctl is-active checks the unit is running, which is as blind to a hung daemon as a process check");
            } else if ((m = STATUS.matcher(l)).find() && !STOP.matcher(l).find()) {
                String unit = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("\\.service$", "");
                set(a, CheckScriptSpec.Test.PROCESS_EXISTS, "status of " + unit, i, unit, null);
                a.explanations.add("a service status says the unit runs, which is as blind to a hung daemon as a process check");
            } else if ((m = MYSQLADMIN.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.MYSQL_QUERY, "mysqladmin ping", i, null, port(l, 3306));
            } else if ((m = MYSQL_E.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.MYSQL_QUERY, "mysql -e (a query)", i, null, port(l, 3306));
            } else if ((m = CURL.matcher(l)).find()) {
                String p = m.group(1) != null ? m.group(1) : m.group(2);
                set(a, CheckScriptSpec.Test.TCP_CONNECT, "curl to port " + p, i, null, Integer.parseInt(p));
            } else if ((m = NC.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.TCP_CONNECT, "nc -z port " + m.group(1), i, null, Integer.parseInt(m.group(1)));
            } else if ((m = DEV_TCP.matcher(l)).find()) {
                set(a, CheckScriptSpec.Test.TCP_CONNECT, "/dev/tcp port " + m.group(1), i, null, Integer.parseInt(m.group(1)));
            }
            if (a.test != null) return;
        }
        a.explanations.add("cannot tell what the script tests: none of ps -C, pidof, pgrep, killall -0, systemctl is-active, "
                + "mysqladmin ping, mysql -e, curl or nc found");
    }

    private static Integer port(String line, int fallback) {
        Matcher m = PORT_OPT.matcher(line);
        if (m.find()) {
            try {
                return Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static void set(ScriptAnalysis a, CheckScriptSpec.Test t, String cmd, int line, String proc, Integer port) {
        a.test = t;
        a.testCommand = cmd;
        a.testLine = line + 1;
        a.processName = proc;
        if (port != null && port >= 0 && port <= 65535) a.port = port;
        a.explanations.add("line " + (line + 1) + ": tests with " + cmd);
    }

    private static void findStop(ScriptAnalysis a, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = STOP.matcher(lines.get(i));
            if (m.find()) {
                a.stopsKeepalived = true;
                a.usesSudo = m.group(1) != null;
                a.stopCommand = (a.usesSudo ? "sudo " : "") + m.group(2).replaceAll("\\s+", " ");
                a.stopLine = i + 1;
                a.explanations.add("line " + (i + 1) + ": runs " + a.stopCommand + " (stops keepalived; nothing restarts it)");
                return;
            }
        }
    }

    /**
     * Decides whether the exit status follows the test. The shapes recognised: the tutorial's
     * {@code if TEST; then ACTION; fi} as the last statement without else or exit (always 0); an explicit
     * non-zero {@code exit} (follows the test); the test command as the last line (its own status);
     * {@code [ TEST ] && ACTION} as the last line (non-zero while healthy).
     */
    private static void exitStatus(ScriptAnalysis a, List<String> lines) {
        List<String> code = new ArrayList<>();
        for (String l : lines) {
            String t = l.trim();
            if (!t.isEmpty() && !t.startsWith("#!")) code.add(t);
        }
        if (code.isEmpty()) {
            a.explanations.add("the script is empty: it exits 0");
            a.exitNonZeroOnFailure = false;
            a.alwaysExitsZero = true;
            return;
        }
        String joined = String.join("\n", code);
        String last = code.get(code.size() - 1);
        boolean explicitNonZero = EXIT_NONZERO.matcher(joined).find();
        boolean hasElse = joined.matches("(?s).*\\belse\\b.*") || joined.matches("(?s).*\\belif\\b.*");
        if (!explicitNonZero && !hasElse && (last.equals("fi") || last.endsWith("; fi") || last.endsWith(";fi"))) {
            // if TEST; then ...; fi as the last statement: 0 when TEST is false, else the status of the last
            // command of the then-branch. Always 0 only when that command is one that succeeds.
            String branchEnd = last.equals("fi") ? (code.size() >= 2 ? code.get(code.size() - 2) : "")
                    : last.replaceAll(";\\s*fi$", "").replaceAll("^.*\\bthen\\b\\s*", "");
            branchEnd = branchEnd.replaceAll(".*;\\s*", "").trim();
            boolean succeeds = STOP.matcher(branchEnd).find() || branchEnd.matches("(echo|logger|printf|:|true)\\b.*|:");
            if (succeeds) {
                a.alwaysExitsZero = true;
                a.exitNonZeroOnFailure = false;
                a.explanations.add("ends with if ... fi and no else or exit 1: the script exits 0 whatever the test finds "
                        + "(when the test fails it exits with the status of " + (a.stopsKeepalived ? a.stopCommand : branchEnd) + ", also 0)");
                return;
            }
        }
        if (explicitNonZero) {
            a.exitNonZeroOnFailure = true;
            a.explanations.add("exits non-zero on failure (an explicit exit with a non-zero status)");
            return;
        }
        if (last.matches("^\\[.*\\]\\s*&&.*") || last.matches("^test\\s.*&&.*")) {
            a.invertedExit = true;
            a.exitNonZeroOnFailure = null;
            a.explanations.add("ends with [ ... ] && ...: exits 1 while the test condition is false, i.e. while healthy, "
                    + "so its weight applies all the time");
            return;
        }
        if (a.test != null && a.testLine > 0) {
            String testLine = lines.get(a.testLine - 1).trim();
            if (testLine.equals(last) && !last.contains("$(") && !last.startsWith("if ") && !last.contains("&&")) {
                a.exitNonZeroOnFailure = true;
                a.explanations.add("the test is the last command: its exit status is the script's");
                return;
            }
        }
        if (last.matches("exit(\\s+0)?")) {
            a.exitNonZeroOnFailure = false;
            a.alwaysExitsZero = true;
            a.explanations.add("ends with exit 0 and has no other exit: always exits 0");
            return;
        }
        a.exitNonZeroOnFailure = null;
        a.explanations.add("cannot tell whether the exit status follows the test");
    }

    /** Maps an analysis onto the model's script description; unrecognised parts keep the spec's values. */
    public static void applyTo(ScriptAnalysis a, CheckScriptSpec s) {
        if (a.test != null) s.test = a.test;
        if (a.processName != null) s.processName = a.processName;
        if (a.port != null) s.port = a.port;
        s.stopsKeepalivedOnFailure = a.stopsKeepalived;
        if (a.exitNonZeroOnFailure != null) s.exitNonZeroOnFailure = a.exitNonZeroOnFailure;
    }
}
