package org.viplab.cli;

import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code --lang en|zh-CN} as a picocli mixin, for subcommands that say no more about it than that. */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", converter = LangConverter.class, completionCandidates = LangConverter.Candidates.class,
            description = "en (default) or zh-CN")
    Locale language;

    /** The language asked for, English when none was. */
    Locale locale() { return language == null ? Locale.ENGLISH : language; }
}
