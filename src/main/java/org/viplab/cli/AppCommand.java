package org.viplab.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code app [--inventory FILE | --connect FILE]}: the desktop app. Part of the command line so that its options
 * are checked, listed in the help and completed by the shell; JavaFX is loaded by name only here.
 */
@Command(name = "app", description = "open the desktop app; on real hosts with --inventory (the Connect dialog) or --connect (connected at once)")
public final class AppCommand extends CliCommand {
    @ArgGroup(exclusive = true)
    Hosts hosts;

    @Option(names = "--speed", paramLabel = "N", description = "start the simulation at this speed: 1, 2, 5, 10 or 100 (default 1)")
    Integer speed;

    @Option(names = "--mode", paramLabel = "MODE", description = "start on this preset: mode1 or mode2 (default mode1)")
    String mode;

    static final class Hosts {
        @Option(names = "--inventory", paramLabel = "FILE", description = "open the Connect dialog on this inventory")
        Path inventory;
        @Option(names = "--connect", paramLabel = "FILE", description = "connect to this inventory's hosts at once")
        Path connect;
    }

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        launchApp(arguments(hosts, speed, mode).toArray(String[]::new));
        return ExitCodes.OK;
    }

    /** The app's own arguments, checked here so that a bad value is a usage error before any window opens. */
    static java.util.List<String> arguments(Hosts hosts, Integer speed, String mode) throws BadInputException {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (hosts != null) {
            boolean connect = hosts.connect != null;
            Path file = connect ? hosts.connect : hosts.inventory;
            if (!Files.isRegularFile(file)) throw new BadInputException("viplab app: no inventory file at " + file);
            args.add(connect ? "--connect" : "--inventory");
            args.add(file.toString());
        }
        if (speed != null) {
            if (!org.viplab.lab.TimeControls.SPEEDS.contains(speed)) {
                throw new BadInputException("viplab app: --speed must be one of " + org.viplab.lab.TimeControls.SPEEDS + ", got " + speed);
            }
            args.add("--speed=" + speed);
        }
        if (mode != null) {
            if (!mode.equals("mode1") && !mode.equals("mode2")) throw new BadInputException("viplab app: --mode must be mode1 or mode2, got " + mode);
            args.add("--mode=" + mode);
        }
        return args;
    }

    static void launchApp(String[] args) throws Exception {
        Class<?> app = Class.forName("org.viplab.app.AppLauncher");
        app.getMethod("launch", String[].class).invoke(null, (Object) args);
    }
}
