package org.viplab.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * One headless command of {@code viplab COMMAND ...}. picocli fills the annotated options of a subclass,
 * {@link Launcher} hands it the output streams, and {@link #run} returns an {@link ExitCodes} code.
 */
public abstract class CliCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    protected PrintStream out = System.out;
    protected PrintStream err = System.err;

    /** The streams the command prints to (the tests' buffers, or the process's). */
    final void streams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public final Integer call() throws Exception { return run(out, err); }

    /** Runs the command with its options filled in; returns the process exit code. */
    protected abstract int run(PrintStream out, PrintStream err) throws Exception;
}
