package org.viplab.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --jobs N}, {@code --lang LANG} and {@code --progress} as a picocli mixin: the options that sweep and tune,
 * the two commands that run many simulations on all cores and may write a report, share word for word, with their
 * checks, so their help and their errors cannot drift apart.
 * <p>
 * Each option has an {@code order}, and so does every option of the commands that mix it in: with
 * {@code sortOptions = false}, picocli lists a mixin's options together, before the command's own, and only
 * {@code order} keeps {@code --jobs} before the output options and {@code --lang} and {@code --progress} after them,
 * as the help always listed them. Options before {@code --jobs} take orders below {@link #JOBS}, the output options
 * between {@link #JOBS} and {@link #LANG}.
 */
final class BatchRunOptions {
    static final int JOBS = 20;
    static final int LANG = 50;

    @Option(names = "--jobs", order = JOBS, paramLabel = "N", description = "worker threads (default: the number of cores)")
    Integer jobs;

    @Option(names = "--lang", order = LANG, paramLabel = "LANG", converter = LangConverter.class,
            completionCandidates = LangConverter.Candidates.class, description = "the report's language: en (default) or zh-CN")
    Locale lang;

    @Option(names = "--progress", order = LANG + 1, description = "draw the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    /** The worker threads: {@code --jobs}, else one per core. */
    int workers() {
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1 || workers > 256) throw new UsageException("--jobs must be from 1 to 256");
        return workers;
    }

    /** Refuses {@code --lang} without the report it is the language of. */
    void checkLanguage(Path report) {
        if (lang != null && report == null) throw new UsageException("--lang goes with --report DIR");
    }

    /** The report's language, English when none was asked for. */
    Locale language() { return lang == null ? Locale.ENGLISH : lang; }

    /** Whether to draw a progress bar: on a terminal, or anywhere with {@code --progress}. */
    boolean progressBar() { return forceProgress || System.console() != null; }
}
