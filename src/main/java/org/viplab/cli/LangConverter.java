package org.viplab.cli;

import org.viplab.report.ReportOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code --lang en|zh-CN}: the languages of reports, findings and notes. */
final class LangConverter implements ITypeConverter<Locale> {
    @Override
    public Locale convert(String value) {
        try {
            return ReportOptions.parseLang(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** What the shell offers after {@code --lang}. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() { return List.of("en", "zh-CN").iterator(); }
    }
}
