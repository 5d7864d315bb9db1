package org.viplab.report;

import java.time.Instant;
import java.util.Locale;

/**
 * How to write a report.
 *
 * @param locale      English or Simplified Chinese (see {@link #parseLang})
 * @param htmlOnly    write report.html only (the committed samples): no PDF, CSV, JSON Lines, JSON, JUnit XML
 * @param generatedAt shown in the report; null leaves it out so that the same drill gives the same bytes
 * @param findings    a replayed incident's findings, already in the report's language (empty for drills)
 */
public record ReportOptions(Locale locale, boolean htmlOnly, Instant generatedAt, java.util.List<String> findings) {
    public ReportOptions {
        findings = findings == null ? java.util.List.of() : java.util.List.copyOf(findings);
    }

    public ReportOptions(Locale locale, boolean htmlOnly, Instant generatedAt) { this(locale, htmlOnly, generatedAt, java.util.List.of()); }

    public ReportOptions withFindings(java.util.List<String> f) { return new ReportOptions(locale, htmlOnly, generatedAt, f); }

    public static ReportOptions defaults() { return new ReportOptions(Locale.ENGLISH, false, Instant.now()); }

    public ReportOptions withLocale(Locale l) { return new ReportOptions(l, htmlOnly, generatedAt, findings); }

    /** "en" or "zh-CN" (also zh, zh_CN); anything else is an IllegalArgumentException naming what is accepted. */
    public static Locale parseLang(String lang) {
        if (lang == null) return Locale.ENGLISH;
        String l = lang.trim().replace('_', '-');
        if (l.equalsIgnoreCase("en") || l.toLowerCase(Locale.ROOT).startsWith("en-")) return Locale.ENGLISH;
        if (l.equalsIgnoreCase("zh") || l.equalsIgnoreCase("zh-CN") || l.equalsIgnoreCase("zh-Hans")) return Locale.SIMPLIFIED_CHINESE;
        throw new IllegalArgumentException("unknown language '" + lang + "'; languages: en, zh-CN");
    }

    /** The HTML lang attribute. */
    public String langTag() { return locale.getLanguage().equals("zh") ? "zh-CN" : "en"; }
}
