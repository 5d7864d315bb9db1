package org.viplab.session;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Timeline;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionFilesTest {
    private static Session session() {
        Topology t = Presets.mode2();
        t.node("db2").keepalived.priority = 8;
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 9, tl);
        lab.runUntil(3_000_000);
        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.HAPROXY)), Actor.USER);
        lab.runUntil(30_000_000);
        return new Session(t, "sim", 9, Map.of("speed", "10", "locale", "zh-CN"), tl.snapshot(), "{\"name\": \"rec\"}\n");
    }

    @Test
    void aSessionKeepsItsCauses(@TempDir Path dir) throws Exception {
        Topology t = Presets.mode1();
        Timeline tl = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(t, 3, tl);
        lab.apply(new Action(Verb.STOP, new Target.Process("db1", ProcessKind.KEEPALIVED)), Actor.USER);
        lab.runUntil(5_000_000);
        Timeline.Caused run = tl.caused();
        assertTrue(run.causes().any());
        Path f = dir.resolve("why.viplab");
        SessionFiles.write(f, new Session(t, "sim", 3, Map.of(), run.events(), null, run.causes()), "test");
        Session back = SessionFiles.read(f);
        assertEquals(run.events(), back.events());
        assertEquals(run.causes(), back.causes());
    }

    @Test
    void aSessionRoundTripsWhole(@TempDir Path dir) throws Exception {
        Session s = session();
        Path f = dir.resolve("class.viplab");
        SessionFiles.write(f, s, "test");
        Session back = SessionFiles.read(f);
        assertEquals(TopologyJson.toJson(s.topology()), TopologyJson.toJson(back.topology()));
        assertEquals(9, back.seed());
        assertEquals("sim", back.engine());
        assertEquals(s.settings(), back.settings());
        assertEquals(s.events(), back.events());
        assertEquals(s.recordingJson(), back.recordingJson());
        assertTrue(back.endUs() > 29_000_000 && back.endUs() <= 30_000_000, "ends at the last event: " + back.endUs());

        Session noRec = new Session(s.topology(), "sim", 9, Map.of(), List.of(), null);
        SessionFiles.write(f, noRec, "test");
        Session empty = SessionFiles.read(f);
        assertNull(empty.recordingJson());
        assertTrue(empty.events().isEmpty());
    }

    @Test
    void aCutOffFileIsRefusedWithTheFileNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cut.viplab");
        SessionFiles.write(f, session(), "test");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        SessionException e = assertThrows(SessionException.class, () -> SessionFiles.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("damaged or cut off"), e.getMessage());
        assertEquals(f, e.file());
    }

    @Test
    void otherFilesAndBrokenPartsAreRefusedSayingWhatIsWrong(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.viplab");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(SessionException.class, () -> SessionFiles.read(text)).getMessage().contains("not a VIP Lab session"));

        Path missing = dir.resolve("nothing.viplab");
        assertTrue(assertThrows(SessionException.class, () -> SessionFiles.read(missing)).getMessage().endsWith("no such file"));

        String header = "{\"format\": \"viplab-session\", \"version\": 1, \"engine\": \"sim\", \"seed\": 1, \"events\": 2}";
        String topo = TopologyJson.toJson(Presets.mode1());
        String line = "{\"t\":1,\"kind\":\"garp\",\"host\":\"db1\",\"vip\":\"10.9.8.120\",\"count\":5}";

        Path badLine = zip(dir.resolve("badline.viplab"), header, topo, line + "\n{\"t\":2,\"kind\":\"garp\",\"ho");
        String m = assertThrows(SessionException.class, () -> SessionFiles.read(badLine)).getMessage();
        assertTrue(m.contains("timeline.jsonl line 2: not valid JSON"), m);

        Path short1 = zip(dir.resolve("short.viplab"), header, topo, line + "\n");
        m = assertThrows(SessionException.class, () -> SessionFiles.read(short1)).getMessage();
        assertTrue(m.contains("holds 1 events, session.json says 2"), m);

        Path future = zip(dir.resolve("future.viplab"), header.replace("\"version\": 1", "\"version\": 7"), topo, line + "\n" + line);
        m = assertThrows(SessionException.class, () -> SessionFiles.read(future)).getMessage();
        assertTrue(m.contains("version 7 is not supported"), m);

        Path badTopo = zip(dir.resolve("topo.viplab"), header, "{\"nodes\": []}", line + "\n" + line);
        m = assertThrows(SessionException.class, () -> SessionFiles.read(badTopo)).getMessage();
        assertTrue(m.contains("topology.json: the topology is not usable: nodes must list 2..5 hosts, got 0"), m);

        Path noTimeline = zip(dir.resolve("nt.viplab"), header, topo, null);
        m = assertThrows(SessionException.class, () -> SessionFiles.read(noTimeline)).getMessage();
        assertTrue(m.contains("has no timeline.jsonl"), m);
    }

    @Test
    void aWriteThatCannotHappenSaysWhereAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        Path f = notADir.resolve("s.viplab");
        SessionException e = assertThrows(SessionException.class, () -> SessionFiles.write(f, session(), "t"));
        assertTrue(e.getMessage().startsWith(f + ": cannot write"), e.getMessage());
        assertEquals("x", Files.readString(notADir));
    }

    private static Path zip(Path f, String header, String topo, String timeline) throws Exception {
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "session.json", header);
            put(z, "topology.json", topo);
            if (timeline != null) put(z, "timeline.jsonl", timeline);
        }
        return f;
    }

    private static void put(ZipOutputStream z, String name, String text) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
