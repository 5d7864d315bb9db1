package org.viplab.session;

import java.nio.file.Path;

/** A session file that cannot be read or written, naming the file (and the part inside it) and what is wrong. */
public class SessionException extends Exception {
    private final Path file;

    public SessionException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public SessionException(Path file, String message) { this(file, message, null); }

    public Path file() { return file; }
}
