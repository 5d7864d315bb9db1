package org.viplab.cli;

import org.viplab.cli.lab.LabCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/** The root of the command line: the commands, {@code --help} and {@code --version}. */
@Command(name = "viplab", versionProvider = ViplabCommand.Version.class,
        sortOptions = false,
        header = "VIP Lab - a lab and simulator for MySQL HA with keepalived, haproxy and a floating VIP",
        synopsisHeading = "%nUsage: ",
        customSynopsis = {
            "viplab                     open the desktop app (simulator, preset mode1)",
            "       viplab app --inventory FILE | --connect FILE",
            "                                  open it on real hosts: the Connect dialog on FILE, or connected at once",
            "       viplab COMMAND [options]"},
        commandListHeading = "%nCommands:%n",
        footer = {"", "COMMAND --help shows a command's options. --version prints the version.",
            "Exit codes: 0 passed; 1 an expectation (or an error-level lint finding) failed; 2 bad input or usage,",
            "refused before anything runs; 3 the engine failed (a host unreachable, out of memory)."},
        subcommands = {
            AppCommand.class,
            DrillCommand.class,
            SweepCommand.class,
            TuneCommand.class,
            PresetCommand.class,
            BenchCommand.class,
            SweepBenchCommand.class,
            ChartBenchCommand.class,
            MemBenchCommand.class,
            AppBenchCommand.class,
            FidelityCommand.class,
            ReportBenchCommand.class,
            LabCommand.class,
            ImportCommand.class,
            RenderCommand.class,
            LintCommand.class,
            SessionCommand.class,
            ExerciseCommand.class,
            ReplayCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class ViplabCommand extends CliCommand {
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
    boolean version;

    @Override
    protected int run(PrintStream out, PrintStream err) {
        throw new UsageException("name a command");
    }

    /** "VIP Lab 0.1.0" from the jar's manifest, "VIP Lab dev" from the classes directory. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() { return new String[]{"VIP Lab " + Launcher.version()}; }
    }
}
