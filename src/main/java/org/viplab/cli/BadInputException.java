package org.viplab.cli;

/** A file or value the command cannot use: printed as it is (it names the file), exit code 2, no usage text. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) { super(message); }
}
