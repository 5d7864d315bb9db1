package org.viplab.cli;

import org.viplab.core.util.Durations;
import org.viplab.session.Session;
import org.viplab.session.SessionException;
import org.viplab.session.SessionFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code session FILE.viplab}: checks a saved session as the app would open it, and says what it holds. */
@Command(name = "session", description = "check a saved session (.viplab) and print what it holds (exit 0 readable, 2 not)")
public final class SessionCommand extends CliCommand {
    @Parameters(paramLabel = "FILE", description = "a session saved by the app (File > Save session)")
    Path file;

    @Override
    protected int run(PrintStream out, PrintStream err) {
        Session s;
        try {
            s = SessionFiles.read(file);
        } catch (SessionException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        long lastUs = s.events().isEmpty() ? 0 : s.events().get(s.events().size() - 1).timeUs();
        out.println(file + ": engine " + s.engine() + ", seed " + s.seed() + ", topology " + s.topology().name + ", "
                + s.events().size() + " events over " + Durations.format(lastUs)
                + (s.recordingJson() != null ? ", with a drill recording" : ""));
        return ExitCodes.OK;
    }
}
