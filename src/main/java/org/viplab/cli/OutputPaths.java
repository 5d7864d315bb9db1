package org.viplab.cli;

import org.viplab.report.Comparison;
import org.viplab.report.ReportWriter;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Output paths: checked before anything runs (a file option refuses a directory, a report option refuses a file
 * or a folder of someone else's files), and reports written whole: into a fresh folder beside the target, then
 * moved into place, so a report folder never mixes two runs' files. Folders and files are made with the
 * process's umask (no temp-file API, which would make them private).
 */
public final class OutputPaths {
    /** Files whose presence shows that a folder holds an earlier VIP Lab report (single, batch or comparison). */
    static final Set<String> REPORT_MARKERS = Set.of(ReportWriter.HTML, "index.html", Comparison.HTML, ReportWriter.JUNIT,
            org.viplab.report.Scoreboard.HTML, org.viplab.report.SweepReport.HTML);
    /** Every file a run writes at the top of its folder; a run's subfolders (batch, sim/ssh) are its too. */
    static final Set<String> RUN_FILES = Set.of(ReportWriter.HTML, ReportWriter.PDF, ReportWriter.CSV, ReportWriter.JSONL,
            ReportWriter.JSON, ReportWriter.JUNIT, "index.html", Comparison.HTML, Comparison.JSON, "drill.json",
            org.viplab.report.Scoreboard.HTML, org.viplab.report.Scoreboard.CSV,
            org.viplab.report.SweepReport.HTML, org.viplab.report.SweepReport.JSON, org.viplab.report.SweepReport.CSV);

    /** Writes a report into the folder it is given. */
    @FunctionalInterface
    public interface ReportJob<T> {
        T write(Path dir) throws Exception;
    }

    private OutputPaths() { }

    /** A file option ({@code --json OUT}): refuses a directory or a device, names the option. */
    public static void checkFile(String option, Path file) {
        if (file == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isDirectory(file)) throw new BadInputException(option + " " + file + ": is a directory; " + option + " takes a file name");
        if (!Files.isRegularFile(file)) throw new BadInputException(option + " " + file + ": is not a regular file; " + option + " takes a file name");
    }

    /** A report option ({@code --report DIR}): a new folder, an empty one, or one holding an earlier report. */
    public static void checkReportDir(String option, Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(option + " " + dir + ": is not a directory; " + option + " takes a directory");
        }
        boolean empty = true;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                empty = false;
                if (REPORT_MARKERS.contains(p.getFileName().toString())) return;
            }
        } catch (IOException e) {
            throw new BadInputException(option + " " + dir + ": cannot be read: " + e.getMessage());
        }
        if (!empty) {
            throw new BadInputException(option + " " + dir + ": holds files that are not a VIP Lab report; "
                    + "name a new or empty directory (an earlier report there is replaced whole)");
        }
    }

    /**
     * Runs {@code job} on a fresh folder beside {@code target}, then puts that folder in the target's place
     * (an earlier report there is removed after the new one is in). The user's own plain files in the target
     * (a README, notes) are carried over; nothing an earlier run wrote is. On failure the target is left as it was.
     */
    public static <T> T writeReport(Path target, ReportJob<T> job) throws Exception {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String name = abs.getFileName().toString();
        Path tmp = Files.createDirectory(parent.resolve("." + name + ".new-" + UUID.randomUUID()));
        T result;
        try {
            result = job.write(tmp);
        } catch (Exception | Error e) {
            deleteTree(tmp);
            throw e;
        }
        Path old = null;
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) carryOver(abs, tmp);
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
            Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(tmp);
            throw e;
        }
        if (old != null) deleteTree(old);
        return result;
    }

    /** Copies the user's plain files (not a run's file, not a folder) from the earlier folder into the new one. */
    private static void carryOver(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(from)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (RUN_FILES.contains(name) || name.startsWith(".") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (!Files.exists(to.resolve(name))) Files.copy(p, to.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
