package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("drill"));
        assertTrue(out.toString().contains("preset"));
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void drillExitCodes(@TempDir Path dir) throws Exception {
        Path pass = dir.resolve("pass.json");
        Files.writeString(pass, "{\"name\": \"p\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/keepalived\"},"
                + "{\"expect\": \"vip-on\", \"host\": \"db2\", \"within\": \"1s\"}]}");
        Path fail = dir.resolve("fail.json");
        Files.writeString(fail, "{\"name\": \"f\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"2s\", \"action\": \"stop\", \"target\": \"db1/keepalived\"},"
                + "{\"expect\": \"vip-on\", \"host\": \"db2\", \"within\": \"100ms\"}]}");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"b\",\n \"preset\": \"mode1\",\n \"steps\": [ {\"at\": \"2s\" \"action\": \"stop\"} ]}");
        Path json = dir.resolve("out/result.json");
        assertEquals(0, run("drill", pass.toString(), "--engine", "sim", "--json", json.toString()));
        assertTrue(Files.readString(json).contains("\"passed\": true"));
        assertEquals(1, run("drill", fail.toString()));
        assertEquals(2, run("drill", bad.toString()));
        assertTrue(err.toString().contains("bad.json:3:"), err.toString());
        assertEquals(2, run("drill", dir.resolve("missing.json").toString()));
    }

    @Test
    void presetWritesATopologyThatReadsBack(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m2.json");
        assertEquals(0, run("preset", "mode2", "--out", f.toString()));
        var t = org.viplab.core.model.TopologyJson.read(f);
        assertEquals(10, t.node("db1").keepalived.priority);
        assertEquals(6039, t.effectiveClientPort());
    }
}
