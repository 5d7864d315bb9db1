package org.viplab.engine.ssh;

import org.viplab.core.util.BundleText;
import org.viplab.core.util.Localized;
import org.viplab.lab.LabText;

import java.io.IOException;

/**
 * A remote host could not be used: says which host, what was tried, and why. The reason is a {@link LabText}, so
 * the app says it in the user's language; {@link #getMessage()} is the English, for logs and the command line.
 */
public class RemoteException extends IOException implements Localized {
    public enum Kind { UNREACHABLE, HOST_KEY_CHANGED, HOST_KEY_REJECTED, AUTH, TIMEOUT, FAILED, UNSUPPORTED }

    private final Kind kind;
    private final String host;
    private final transient LabText text;

    public RemoteException(Kind kind, String host, LabText reason, Throwable cause) {
        super(host + ": " + reason.english(), cause);
        this.kind = kind;
        this.host = host;
        this.text = LabText.of("remote.onHost", host, reason);
    }

    public RemoteException(Kind kind, String host, LabText reason) { this(kind, host, reason, null); }

    public Kind kind() { return kind; }

    public String host() { return host; }

    /** "db1: authentication failed for ...", in no language yet. */
    @Override
    public BundleText text() { return text; }
}
