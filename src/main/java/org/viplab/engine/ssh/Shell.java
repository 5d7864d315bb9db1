package org.viplab.engine.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Building commands for the remote POSIX shell. A value from the inventory or an action enters a command only
 * as one word of an argument list, through {@link #quote} (the one quoting function, as Python's
 * {@code shlex.quote}); the shell text around it (pipes, {@code &&}, redirections, the scripts given to
 * {@code sh -c}) is constant and written here or next to the command. A script that needs values reads them
 * as its positional parameters ({@code "$1"}), passed after it as quoted words.
 */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() { }

    /** {@code abc} stays as is when it is plainly safe; anything else becomes {@code 'a'"'"'b'}, as shlex.quote does. */
    public static String quote(String s) {
        if (!s.isEmpty() && SAFE.matcher(s).matches()) return s;
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** One simple command from its argument list, every word quoted. */
    public static String command(String... words) { return command(List.of(words)); }

    /** One simple command from its argument list, every word quoted. */
    public static String command(List<String> words) {
        if (words.isEmpty()) throw new IllegalArgumentException("a command needs at least one word");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) b.append(' ');
            b.append(quote(w));
        }
        return b.toString();
    }

    /**
     * {@code sh -c SCRIPT sh ARGS...}: a constant script that reads its values as "$1", "$2"... (argument 0
     * names the shell in messages). The script must not be built from values.
     */
    public static List<String> script(String shell, String constantScript, String... args) {
        List<String> w = new ArrayList<>(List.of(shell, "-c", constantScript, shell));
        w.addAll(List.of(args));
        return w;
    }

    /** Built commands one after the other ({@code a; b}). */
    public static String sequence(String... commands) { return String.join("; ", commands); }

    /** Each command runs only if the one before succeeded ({@code a && b}). */
    public static String and(String... commands) { return String.join(" && ", commands); }

    /** {@code a | b | c}. */
    public static String pipe(String... commands) { return String.join(" | ", commands); }

    /** {@code a 2>/dev/null}: the command's complaints are not wanted (a tool that may be absent). */
    public static String quiet(String command) { return command + " 2>/dev/null"; }
}
