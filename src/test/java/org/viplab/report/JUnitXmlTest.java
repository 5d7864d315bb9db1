package org.viplab.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.BuildInfo;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Provenance;
import org.viplab.testing.Drills;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** junit.xml is what a CI server reads: valid against the CI shape, stable names, real times, observed failures. */
class JUnitXmlTest {
    /** A drill whose VIP must reach db2 within 100 ms of a stop: it does, but seconds later. */
    static final String LATE = """
            {"name": "late", "preset": "mode1", "seed": 1, "steps": [
              {"at": "2s", "action": "stop", "target": "db1/keepalived"},
              {"id": "vip-moves", "expect": "vip-on", "host": "db2", "within": "100ms"},
              {"expect": "no-split-brain"},
              {"at": "12s", "expect": "client-up", "for": "2s"}
            ]}""";
    static final String LATE_WITH_INSERTED_STEP = LATE.replace("""
              {"expect": "no-split-brain"},""", """
              {"expect": "state", "host": "db1", "state": "FAULT", "within": "6s"},
              {"expect": "no-split-brain"},""");

    static byte[] junit(DrillResult r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXml.write(r, out);
        return out.toByteArray();
    }

    static void validate(byte[] xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(JUnitXmlTest.class.getResourceAsStream("/junit-ci.xsd")));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> names(Document d) {
        List<String> out = new ArrayList<>();
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) out.add(((Element) cases.item(i)).getAttribute("name"));
        return out;
    }

    private static DrillResult run(String json) throws Exception {
        DrillResult r = Drills.run("late.json", json);
        return r.withProvenance(r.provenance().withRun(Instant.parse("2026-12-06T05:00:00Z"), 2500));
    }

    @Test
    void aFailedExpectationSaysWhatWasSeenAndWhenItBecameTrue() throws Exception {
        byte[] xml = junit(run(LATE));
        validate(xml);
        Document d = parse(xml);
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        String message = failure.getAttribute("message");
        assertTrue(message.startsWith("never true between t=2s and t=2.1s (VIP on no host); first true at t="), message);
        assertTrue(message.endsWith(" after the deadline"), message);
        assertEquals("vip-moves", ((Element) failure.getParentNode()).getAttribute("name"), "the step's id names the test");
    }

    @Test
    void insertingAStepRenamesNoOtherTest() throws Exception {
        List<String> before = names(parse(junit(run(LATE))));
        List<String> after = names(parse(junit(run(LATE_WITH_INSERTED_STEP))));
        assertEquals(List.of("vip-moves", "expect no-split-brain (whole drill)", "expect client-up for 2s"), before);
        assertTrue(after.containsAll(before), after.toString());
        assertEquals(before.size() + 1, after.size());
    }

    @Test
    void theSuiteHasRealTimesATimestampTheMachineAndTheRunsProperties() throws Exception {
        DrillResult r = run(LATE);
        Document d = parse(junit(r));
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("viplab.late", suite.getAttribute("name"));
        assertEquals("2.500", suite.getAttribute("time"), "the run's real seconds, not the 14 s simulated");
        assertEquals("2026-12-06T05:00:00", suite.getAttribute("timestamp"));
        assertFalse(suite.getAttribute("hostname").isBlank());
        NodeList props = d.getElementsByTagName("property");
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (int i = 0; i < props.getLength(); i++) p.put(((Element) props.item(i)).getAttribute("name"), ((Element) props.item(i)).getAttribute("value"));
        assertEquals("sim", p.get("engine"));
        assertEquals("1", p.get("seed"));
        assertEquals(BuildInfo.current().commit(), p.get("commit"));
        double sum = 0;
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) sum += Double.parseDouble(((Element) cases.item(i)).getAttribute("time"));
        assertTrue(sum > 0 && sum <= 2.5 * 2, "testcases take shares of the real time: " + sum);
    }

    @Test
    void aBatchIsOneFileWithASuitePerDrillAndAnErrorForADrillThatCannotRun() throws Exception {
        DrillResult ok = run(LATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXml.write(List.of(new ReportIndex.Entry("late", "late.json", "late", ok, null),
                new ReportIndex.Entry("broken", "samples/broken.json", null, null, "samples/broken.json:4:7: \"at\" must be a duration")), out);
        byte[] xml = out.toByteArray();
        validate(xml);
        Document d = parse(xml);
        assertEquals(2, d.getElementsByTagName("testsuite").getLength());
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("1", root.getAttribute("errors"));
        Element error = (Element) d.getElementsByTagName("error").item(0);
        assertEquals("samples/broken.json:4:7: \"at\" must be a duration", error.getAttribute("message"));
        assertEquals("viplab.broken", ((Element) error.getParentNode().getParentNode()).getAttribute("name"));
    }

    @Test
    void theCommittedSamplesDrillsAllGiveValidJUnit(@TempDir Path tmp) throws Exception {
        for (String f : List.of("09-mode1-split-brain-blackhole", "20-dual-master-rows-diverge", "03-mode1-weight-trap")) {
            DrillResult r = Drills.runFile(Path.of("samples/drills/" + f + ".json"));
            byte[] xml = junit(r);
            validate(xml);
            Files.write(tmp.resolve(f + ".xml"), xml);
        }
        Provenance p = Drills.runFile(Path.of("samples/drills/01-mode1-basic-failover.json")).provenance();
        assertFalse(p.realHosts());
    }
}
