package org.viplab.report;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Provenance;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.core.util.Durations;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * junit.xml as CI servers read it (Jenkins, GitLab: the Ant/Surefire shape, src/test/resources/junit-ci.xsd):
 * {@code <testsuites>} with a testsuite per drill and a testcase per expectation. A test's name is the step's
 * {@code id} when the file gives one, else its text, never its position, so inserting a step keeps every other
 * test's history. A failed expectation has a {@code <failure>} saying what was seen; a drill that could not run
 * is an {@code <error>} with its file:line message. Times are real seconds (wall clock), with a timestamp and
 * the machine's name; the engine, seed and build commit are properties.
 */
public final class JUnitXml {
    /** The combined file at a batch's root: a testsuite per drill. */
    public static final String BATCH = "junit.xml";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JUnitXml() { }

    /** One drill's junit.xml. */
    public static void write(DrillResult r, OutputStream out) throws IOException {
        write(List.of(new ReportIndex.Entry(r.drill().name(), sourceOf(r), null, r, null)), out);
    }

    /** A drill that could not run (bad file, unreachable engine): one suite with one {@code <error>}. */
    public static void writeError(String name, String file, String message, OutputStream out) throws IOException {
        write(List.of(new ReportIndex.Entry(name, file, null, null, message)), out);
    }

    /** A batch: a testsuite per entry, in order; an entry without a result is an error suite. */
    public static void write(List<ReportIndex.Entry> entries, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "viplab drills");
            int tests = 0, failures = 0, errors = 0;
            long millis = 0;
            for (ReportIndex.Entry e : entries) {
                if (e.result() == null) {
                    tests++;
                    errors++;
                    continue;
                }
                tests += expectations(e.result()).size();
                failures += (int) expectations(e.result()).stream().filter(Verdict::failed).count();
                errors += e.result().restoreProblems().isEmpty() ? 0 : 1;
                millis += Math.max(0, e.result().provenance().wallMillis());
            }
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(failures));
            x.writeAttribute("errors", Integer.toString(errors));
            x.writeAttribute("time", seconds(millis));
            x.writeCharacters("\n");
            int id = 0;
            for (ReportIndex.Entry e : entries) {
                if (e.result() == null) errorSuite(x, id++, e);
                else suite(x, id++, e.result());
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("writing junit.xml: " + e.getMessage(), e);
        }
    }

    private static List<Verdict> expectations(DrillResult r) {
        return r.verdicts().stream().filter(v -> v.step() instanceof Step.ExpectStep).toList();
    }

    private static void suite(XMLStreamWriter x, int id, DrillResult r) throws XMLStreamException {
        Provenance p = r.provenance();
        List<Verdict> expectations = expectations(r);
        String suite = suiteName(sourceOf(r), r.drill().name());
        double wallSeconds = Math.max(0, p.wallMillis()) / 1000.0;
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", suite);
        x.writeAttribute("tests", Integer.toString(expectations.size()));
        x.writeAttribute("failures", Long.toString(expectations.stream().filter(Verdict::failed).count()));
        x.writeAttribute("errors", Integer.toString(r.restoreProblems().isEmpty() ? 0 : 1));
        x.writeAttribute("skipped", Long.toString(expectations.stream().filter(v -> v.status() == Verdict.Status.PENDING).count()));
        x.writeAttribute("time", seconds(Math.max(0, p.wallMillis())));
        if (p.startedAt() != null) x.writeAttribute("timestamp", TIMESTAMP.format(p.startedAt()));
        x.writeAttribute("hostname", p.hostname());
        x.writeAttribute("id", Integer.toString(id));
        x.writeAttribute("package", "viplab");
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        property(x, "drill", r.drill().name());
        property(x, "drillFile", p.drillPath());
        property(x, "drillSha256", p.drillSha256());
        property(x, "engine", r.engine());
        if (!p.realHosts()) property(x, "seed", Long.toString(r.drill().seed()));
        property(x, "topology", r.drill().topology().name);
        property(x, "toolVersion", p.build().version());
        property(x, "commit", p.build().commit());
        property(x, "runTime", Durations.format(r.endUs()) + " of " + (p.realHosts() ? "real" : "simulated") + " time");
        x.writeEndElement();
        x.writeCharacters("\n");
        Map<String, Integer> seen = new HashMap<>();
        for (Verdict v : expectations) {
            Step.ExpectStep e = (Step.ExpectStep) v.step();
            x.writeCharacters("    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", suite);
            x.writeAttribute("name", testName(r.drill(), e, seen));
            x.writeAttribute("time", seconds(Math.round(caseSeconds(r, e, wallSeconds) * 1000)));
            String where = "line " + e.line() + ", step " + e.index() + ", " + (e.wholeDrill() ? "whole drill" : "at " + Durations.format(e.anchorUs()));
            if (v.failed()) {
                x.writeStartElement("failure");
                x.writeAttribute("message", v.detail());
                x.writeAttribute("type", "expectation " + e.kind().id());
                x.writeCharacters(e.text() + " (" + where + "): " + v.detail());
                x.writeEndElement();
            } else if (v.status() == Verdict.Status.PENDING) {
                x.writeStartElement("skipped");
                x.writeAttribute("message", "the run ended before its deadline");
                x.writeEndElement();
            } else {
                x.writeStartElement("system-out");
                x.writeCharacters(e.text() + " (" + where + "): " + v.detail());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        if (!r.restoreProblems().isEmpty()) {
            x.writeCharacters("    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", suite);
            x.writeAttribute("name", "restore");
            x.writeAttribute("time", "0.000");
            x.writeStartElement("error");
            x.writeAttribute("message", "restore problems: " + String.join("; ", r.restoreProblems()));
            x.writeAttribute("type", "restore");
            x.writeCharacters(String.join("\n", r.restoreProblems()));
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        x.writeCharacters("    ");
        x.writeStartElement("system-out");
        x.writeCharacters(stepLog(r));
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void errorSuite(XMLStreamWriter x, int id, ReportIndex.Entry e) throws XMLStreamException {
        String suite = suiteName(e.file(), e.name());
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", suite);
        x.writeAttribute("tests", "1");
        x.writeAttribute("failures", "0");
        x.writeAttribute("errors", "1");
        x.writeAttribute("skipped", "0");
        x.writeAttribute("time", "0.000");
        x.writeAttribute("timestamp", TIMESTAMP.format(java.time.Instant.now()));
        x.writeAttribute("hostname", hostname());
        x.writeAttribute("id", Integer.toString(id));
        x.writeAttribute("package", "viplab");
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", "drill runs");
        x.writeAttribute("time", "0.000");
        x.writeStartElement("error");
        x.writeAttribute("message", e.error());
        x.writeAttribute("type", "drill could not run");
        x.writeCharacters(e.error());
        x.writeEndElement();
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    /** "viplab.01-mode1-basic-failover": the drill file's base name (stable), else the drill's name. */
    static String suiteName(String file, String name) {
        String base = file != null ? Path.of(file).getFileName().toString().replaceFirst("\\.json$", "") : name;
        return "viplab." + (base == null ? "drill" : base).replaceAll("[^A-Za-z0-9_-]+", "_");
    }

    /** The step's id, else its text; a repeated text gets " #2", " #3" in file order. */
    static String testName(Drill d, Step.ExpectStep e, Map<String, Integer> seen) {
        String id = d.stepId(e);
        String base = id != null ? id : e.text();
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + " #" + n;
    }

    /**
     * A testcase's real time: on real hosts the length of its window (the drill watched it in real time); on the
     * simulator the same share of the run's real time as its window has of the simulated run.
     */
    private static double caseSeconds(DrillResult r, Step.ExpectStep e, double wallSeconds) {
        long windowUs = e.wholeDrill() ? r.endUs() : e.deadlineUs() - e.anchorUs();
        if (r.provenance().realHosts()) return windowUs / 1e6;
        return r.endUs() <= 0 ? 0 : wallSeconds * ((double) windowUs / r.endUs());
    }

    /** Every step with its time and verdict, and the run's figures: what a CI log shows for the suite. */
    private static String stepLog(DrillResult r) {
        StringBuilder b = new StringBuilder();
        for (Verdict v : r.verdicts()) {
            Step s = v.step();
            boolean whole = s instanceof Step.ExpectStep e && e.wholeDrill();
            b.append(String.format(Locale.ROOT, "%-7s %9s  %s%s%n", v.status().name().toLowerCase(Locale.ROOT), whole ? "-" : Durations.format(s.anchorUs()),
                    s.text(), v.detail().isEmpty() ? "" : ": " + v.detail()));
        }
        r.metrics().forEach((k, val) -> b.append(k).append(": ").append(val).append('\n'));
        return b.toString();
    }

    private static String sourceOf(DrillResult r) {
        return r.provenance().drillPath() != null ? r.provenance().drillPath() : r.drill().source();
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value == null ? "" : value);
    }

    private static String seconds(long millis) { return String.format(Locale.ROOT, "%.3f", millis / 1000.0); }
}
