package org.viplab.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless command of {@code java -jar viplab.jar COMMAND ...}. */
public interface Command {
    String name();

    /** One line for --help. */
    String summary();

    /** Full usage text for {@code COMMAND --help}. */
    String usage();

    /** Runs the command; returns the process exit code. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
