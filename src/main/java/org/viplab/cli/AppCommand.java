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

    static final class Hosts {
        @Option(names = "--inventory", paramLabel = "FILE", description = "open the Connect dialog on this inventory")
        Path inventory;
        @Option(names = "--connect", paramLabel = "FILE", description = "connect to this inventory's hosts at once")
        Path connect;
    }

    @Override
    protected int run(PrintStream out, PrintStream err) throws Exception {
        String[] args = new String[0];
        if (hosts != null) {
            boolean connect = hosts.connect != null;
            Path file = connect ? hosts.connect : hosts.inventory;
            if (!Files.isRegularFile(file)) throw new BadInputException("viplab app: no inventory file at " + file);
            args = new String[]{connect ? "--connect" : "--inventory", file.toString()};
        }
        launchApp(args);
        return ExitCodes.OK;
    }

    static void launchApp(String[] args) throws Exception {
        Class<?> app = Class.forName("org.viplab.app.AppLauncher");
        app.getMethod("launch", String[].class).invoke(null, (Object) args);
    }
}
