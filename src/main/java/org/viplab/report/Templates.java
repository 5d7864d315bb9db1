package org.viplab.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker set-up: templates from the class path, .ftlx files in the XHTML output format so that every
 * interpolation is escaped (a drill named {@code <b>} prints as text), errors thrown rather than printed.
 */
final class Templates {
    private static final Configuration CONFIG = create();
    private static final String CSS = load("style.css");

    private Templates() { }

    private static Configuration create() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(Templates.class, "/org/viplab/report");
        c.setDefaultEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true); // .ftlx: XHTML output format, auto-escaping
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("computer");
        return c;
    }

    static String css() { return CSS; }

    static String render(String name, Map<String, Object> model, Locale locale) throws IOException {
        Template t = CONFIG.getTemplate(name, locale);
        StringWriter out = new StringWriter(64 * 1024);
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            throw new IOException("report template " + name + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static String load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/org/viplab/report/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
