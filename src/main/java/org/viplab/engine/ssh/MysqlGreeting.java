package org.viplab.engine.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The first packet a MySQL / MariaDB server sends on connect (protocol 10 handshake): no credentials are
 * needed to read it, and it says the server's version and the connection's thread id. The lab's servers
 * end their version with the host name ({@code 10.11.19-MariaDB-db1}), which tells which host answered.
 */
public record MysqlGreeting(int protocol, String version, long threadId) {
    /** Thrown for an error packet instead of a greeting (e.g. "Host is blocked"). */
    public static final class ErrorPacket extends IOException {
        public final int code;

        ErrorPacket(int code, String message) {
            super("server error " + code + ": " + message);
            this.code = code;
        }
    }

    public static MysqlGreeting read(InputStream in) throws IOException {
        byte[] head = readFully(in, 4);
        int len = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16;
        if (len <= 0 || len > 1 << 16) throw new IOException("not a MySQL packet (length " + len + ")");
        return parse(readFully(in, len));
    }

    /** Parses a packet payload (without the 4-byte header). */
    public static MysqlGreeting parse(byte[] p) throws IOException {
        if (p.length == 0) throw new IOException("empty packet");
        int first = p[0] & 0xff;
        if (first == 0xff) {
            int code = p.length >= 3 ? (p[1] & 0xff) | (p[2] & 0xff) << 8 : -1;
            int msgAt = p.length > 3 && p[3] == '#' ? 9 : 3;
            String msg = msgAt < p.length ? new String(p, msgAt, p.length - msgAt, StandardCharsets.UTF_8) : "";
            throw new ErrorPacket(code, msg);
        }
        if (first != 10) throw new IOException("unknown handshake protocol " + first);
        int nul = 1;
        while (nul < p.length && p[nul] != 0) nul++;
        if (nul + 4 >= p.length) throw new IOException("truncated greeting");
        String version = new String(p, 1, nul - 1, StandardCharsets.UTF_8);
        long thread = (p[nul + 1] & 0xffL) | (p[nul + 2] & 0xffL) << 8 | (p[nul + 3] & 0xffL) << 16 | (p[nul + 4] & 0xffL) << 24;
        return new MysqlGreeting(first, version, thread);
    }

    /** The host named at the end of the version, if it is one of {@code hosts}. */
    public String hostSuffix(Iterable<String> hosts) {
        for (String h : hosts) if (version.endsWith("-" + h)) return h;
        return null;
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(b, off, n - off);
            if (r < 0) throw new EOFException("connection closed after " + off + " of " + n + " bytes");
            off += r;
        }
        return b;
    }
}
