package org.viplab.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * The entry point. With no argument it opens the desktop app; with a command it works headless and never
 * touches JavaFX (the app class is loaded by name only when needed). Not an Application subclass, so
 * {@code java -jar} works with JavaFX on the class path.
 *
 * <p>Exit codes, the same for every command ({@link ExitCodes}): 0 passed, 1 an expectation or an error-level
 * finding failed, 2 bad input or usage (refused before anything runs), 3 the engine or the JVM failed.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) throws Exception {
        org.viplab.core.util.StartupTiming.mark("main");
        if (args.length == 0) {
            AppCommand.launchApp(new String[0]);
            return;
        }
        if (args[0].equals("app")) {
            // the app keeps the process alive on its own threads; exit only when it refused its arguments
            int rc = run(List.of(args), System.out, System.err);
            if (rc != ExitCodes.OK) System.exit(rc);
            return;
        }
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** The command line of every command: one definition for parsing, help and shell completion. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ViplabCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(110);
        return cl;
    }

    /** Runs a headless command line; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) { return run(commandLine(), args, out, err); }

    /** Runs {@code args} on {@code cl} (the tests add a command to it) with the one exit-code mapping. */
    static int run(CommandLine cl, List<String> args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        cl.setOut(o);
        cl.setErr(e);
        giveStreams(cl, out, err);
        cl.setParameterExceptionHandler((ex, a) -> usageError(ex.getCommandLine(), ex.getMessage(), e));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) return usageError(commandLine, ex.getMessage(), e);
            if (ex instanceof BadInputException) {
                e.println(ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            e.println(prefix(commandLine) + ex);
            return ExitCodes.ENGINE;
        });
        try {
            return cl.execute(args.toArray(String[]::new));
        } catch (Error error) {
            // never a verdict, never a stack trace: one line saying what ran out, and the engine-failure code
            err.println("viplab: " + JvmErrors.describe(error));
            return ExitCodes.ENGINE;
        }
    }

    private static void giveStreams(CommandLine cl, PrintStream out, PrintStream err) {
        if (cl.getCommand() instanceof CliCommand c) c.streams(out, err);
        for (CommandLine sub : cl.getSubcommands().values()) giveStreams(sub, out, err);
    }

    private static int usageError(CommandLine cl, String message, PrintWriter err) {
        err.println(prefix(cl) + message);
        err.print("Usage: " + cl.getHelp().synopsis(0));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.BAD_INPUT;
    }

    /** "viplab drill: ", "viplab lab up: ". */
    private static String prefix(CommandLine cl) { return cl.getCommandSpec().qualifiedName() + ": "; }

    public static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
