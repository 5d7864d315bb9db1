package org.viplab.cli;

/** Wrong options or arguments: printed with the command's usage, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) { super(message); }
}
