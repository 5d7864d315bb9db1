package org.viplab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry point. With no argument it opens the desktop app; with a command it works headless and never
 * touches JavaFX (the app class is loaded by name only when needed). Not an Application subclass, so
 * {@code java -jar} works with JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() { }

    /** Every headless command. Add new ones here. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                new DrillCommand(),
                new PresetCommand(),
                new BenchCommand(),
                new ChartBenchCommand(),
                new ReportBenchCommand(),
                new org.viplab.cli.lab.LabCommand(),
                new ImportCommand(),
                new RenderCommand(),
                new LintCommand())) {
            m.put(c.name(), c);
        }
        return m;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("app")) {
            launchApp(args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a headless command line; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            out.print(help(commands));
            return ExitCodes.OK;
        }
        if (first.equals("--version")) {
            out.println("VIP Lab " + version());
            return ExitCodes.OK;
        }
        Command c = commands.get(first);
        if (c == null) {
            err.println("viplab: unknown command '" + first + "'");
            err.print(help(commands));
            return ExitCodes.BAD_INPUT;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(c.usage());
            return ExitCodes.OK;
        }
        try {
            return c.run(rest, out, err);
        } catch (UsageException e) {
            err.println("viplab " + c.name() + ": " + e.getMessage());
            err.print(c.usage());
            return ExitCodes.BAD_INPUT;
        } catch (Exception e) {
            err.println("viplab " + c.name() + ": " + e);
            return ExitCodes.ENGINE;
        }
    }

    static String help(Map<String, Command> commands) {
        StringBuilder b = new StringBuilder();
        b.append("VIP Lab ").append(version()).append(" - a lab and simulator for MySQL HA with keepalived, haproxy and a floating VIP\n\n");
        b.append("Usage:\n  java -jar viplab.jar                 open the desktop app (simulator, preset mode1)\n");
        b.append("  java -jar viplab.jar app --inventory FILE | --connect FILE\n");
        b.append("                                       open it on real hosts: the Connect dialog on FILE, or connected at once\n");
        b.append("  java -jar viplab.jar COMMAND [options]\n\nCommands:\n");
        for (Command c : commands.values()) b.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        b.append("\n  COMMAND --help shows a command's options. --version prints the version.\n");
        return b.toString();
    }

    public static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void launchApp(String[] args) throws Exception {
        Class<?> app = Class.forName("org.viplab.app.AppLauncher");
        app.getMethod("launch", String[].class).invoke(null, (Object) args);
    }
}
