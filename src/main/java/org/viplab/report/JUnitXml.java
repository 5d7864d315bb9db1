package org.viplab.report;

import org.viplab.drill.DrillResult;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * junit.xml as CI servers read it (the Ant/Surefire schema): one testsuite per drill, one testcase per
 * expectation; a failed expectation has a {@code <failure>} with what was seen, a pending one is skipped.
 */
public final class JUnitXml {
    /** The combined file at a batch's root: a testsuite per drill. */
    public static final String BATCH = "junit.xml";

    private JUnitXml() { }

    public static void write(DrillResult r, OutputStream out) throws IOException {
        List<Verdict> expectations = r.verdicts().stream().filter(v -> v.step() instanceof Step.ExpectStep).toList();
        long failures = expectations.stream().filter(Verdict::failed).count();
        long skipped = expectations.stream().filter(v -> v.status() == Verdict.Status.PENDING).count();
        String suite = "viplab.drill." + r.drill().name().replaceAll("[^A-Za-z0-9_.-]+", "_");
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", Integer.toString(expectations.size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", Integer.toString(r.restoreProblems().isEmpty() ? 0 : 1));
            x.writeAttribute("skipped", Long.toString(skipped));
            x.writeAttribute("time", seconds(r.endUs()));
            x.writeCharacters("\n");
            x.writeStartElement("properties");
            property(x, "drill", r.drill().name());
            property(x, "engine", r.engine());
            property(x, "topology", r.drill().topology().name);
            property(x, "seed", Long.toString(r.drill().seed()));
            x.writeEndElement();
            x.writeCharacters("\n");
            for (Verdict v : expectations) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", suite);
                x.writeAttribute("name", "step " + v.step().index() + " (line " + v.step().line() + "): " + v.step().text());
                x.writeAttribute("time", "0");
                if (v.failed()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", v.detail());
                    x.writeAttribute("type", "expectation");
                    x.writeCharacters(v.step().text() + ": " + v.detail());
                    x.writeEndElement();
                } else if (v.status() == Verdict.Status.PENDING) {
                    x.writeEmptyElement("skipped");
                } else if (!v.detail().isEmpty()) {
                    x.writeStartElement("system-out");
                    x.writeCharacters(v.detail());
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            if (!r.restoreProblems().isEmpty()) {
                x.writeStartElement("testcase");
                x.writeAttribute("classname", suite);
                x.writeAttribute("name", "restore");
                x.writeStartElement("error");
                x.writeAttribute("message", "restore problems");
                x.writeCharacters(String.join("\n", r.restoreProblems()));
                x.writeEndElement();
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("writing junit.xml: " + e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value == null ? "" : value);
    }

    private static String seconds(long us) { return String.format(Locale.ROOT, "%.3f", us / 1e6); }
}
