package org.viplab.engine.ssh;

/** Quoting for the remote POSIX shell: every argument VIP Lab puts in a command goes through here. */
public final class Shell {
    private Shell() { }

    /** {@code abc} stays as is when it is plainly safe; anything else becomes {@code 'a'\''b'}. */
    public static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Joins quoted words into one command. */
    public static String command(String... words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) b.append(' ');
            b.append(quote(w));
        }
        return b.toString();
    }
}
