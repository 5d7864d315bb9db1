package org.viplab.lab.hosts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * What each kind of value that can reach a remote command may look like, checked by its type before it is
 * ever quoted ({@code Shell.quote} of the SSH engine is the second line of defence, not the only one).
 */
public final class RemoteValues {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    /** POSIX portable user names, as useradd accepts them by default (NAME_REGEX), up to 32 characters. */
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,30}\\$?");
    /** systemd unit names and SysV script names: no shell metacharacters, no space. */
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_.@:-]{1,255}");
    /** The characters VIP Lab accepts in an interface name (Linux itself allows more; see {@link #isInterfaceName}). */
    private static final Pattern IFACE_CHARS = Pattern.compile("[A-Za-z0-9_.@-]+");

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._/+@:-]+");

    private RemoteValues() { }

    /** An IPv4 dotted quad (no leading zeros, which inet_aton would read as octal) or an IPv6 literal; never a name. */
    public static boolean isIpLiteral(String s) {
        if (s == null) return false;
        if (IPV4.matcher(s).matches()) {
            for (String part : s.split("\\.")) if (Integer.parseInt(part) > 255) return false;
            return true;
        }
        if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches()) return false;
        try {
            // only hex digits, colons and dots containing a colon: parsed as a literal, never looked up
            return InetAddress.getByName(s) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Linux's rules for a device name ({@code dev_valid_name}: 1 to 15 bytes, not "." or "..", no '/', ':' or
     * white space), narrowed to letters, digits, '.', '_', '-' and '@' and not starting with '-' (an option).
     */
    public static boolean isInterfaceName(String s) {
        return s != null && s.length() <= 15 && !s.equals(".") && !s.equals("..") && !s.startsWith("-")
                && IFACE_CHARS.matcher(s).matches();
    }

    /** A systemd unit or SysV service name: letters, digits, '_', '.', '@', ':', '-', not starting with '-'. */
    public static boolean isServiceName(String s) {
        return s != null && !s.startsWith("-") && SERVICE.matcher(s).matches();
    }

    public static boolean isUserName(String s) { return s != null && USER.matcher(s).matches(); }

    /**
     * An absolute path of portable file name characters (POSIX's letters, digits, '.', '_', '-', and '/', '+',
     * '@', ':'): no control character, no space, nothing a shell reads as syntax. Log files and sockets are
     * named so on every distribution; a path that is not has no place on a production host's command line.
     */
    public static boolean isAbsolutePath(String s) {
        return s != null && s.startsWith("/") && s.length() <= 4096 && PATH.matcher(s).matches();
    }

    /** A local file name (key, known_hosts): any path without control characters. */
    public static boolean isLocalPath(String s) { return s != null && !s.isEmpty() && !hasControl(s); }

    public static boolean isPort(int p) { return p >= 1 && p <= 65535; }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
