package org.viplab.engine.ssh;

import java.io.IOException;

/** A remote host could not be used: says which host, what was tried, and why. */
public class RemoteException extends IOException {
    public enum Kind { UNREACHABLE, HOST_KEY_CHANGED, HOST_KEY_REJECTED, AUTH, TIMEOUT, FAILED, UNSUPPORTED }

    private final Kind kind;
    private final String host;

    public RemoteException(Kind kind, String host, String message, Throwable cause) {
        super(host + ": " + message, cause);
        this.kind = kind;
        this.host = host;
    }

    public RemoteException(Kind kind, String host, String message) { this(kind, host, message, null); }

    public Kind kind() { return kind; }

    public String host() { return host; }
}
