package org.viplab.drill;

import org.junit.jupiter.api.Test;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillParserTest {
    private static Drill parse(String json) throws DrillException { return DrillParser.parse("t.json", json, Path.of(".")); }

    private static DrillException error(String json) { return assertThrows(DrillException.class, () -> parse(json)); }

    @Test
    void stepsWithoutAtAreAnchoredAtTheStepBefore() throws Exception {
        Drill d = parse("""
                {"name": "x", "preset": "mode1", "steps": [
                  {"action": "stop", "target": "db1/mysqld"},
                  {"at": "10s", "action": "kill", "target": "db1/keepalived"},
                  {"expect": "vip-on", "host": "db2", "within": "5s"},
                  {"expect": "no-split-brain"}
                ]}""");
        assertEquals(0, d.steps().get(0).anchorUs());
        assertEquals(10_000_000, d.steps().get(1).anchorUs());
        assertEquals(10_000_000, d.steps().get(2).anchorUs());
        assertEquals(15_000_000, d.endUs(), "ends at the latest deadline");
        Step.ActionStep kill = (Step.ActionStep) d.steps().get(1);
        assertEquals(Verb.KILL, kill.action().verb());
        assertEquals(new Target.Process("db1", org.viplab.core.model.ProcessKind.KEEPALIVED), kill.action().target());
        assertTrue(((Step.ExpectStep) d.steps().get(3)).wholeDrill());
        assertEquals(3, d.steps().get(1).line());
    }

    @Test
    void errorsNameTheLineAndWhatIsExpected() {
        DrillException e = error("""
                {"name": "x", "preset": "mode1", "steps": [
                  {"at": "1s", "action": "stpo", "target": "db1/mysqld"}
                ]}""");
        assertEquals(2, e.line());
        assertTrue(e.toString().startsWith("t.json:2:"), e.toString());
        assertTrue(e.getMessage().contains("unknown action \"stpo\""));
        assertEquals(3, error("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [\n  {\"at\": \"1s\",\n  \"action\": \"stop\", \"target\": \"db9/mysqld\"}]}").line());
        assertTrue(error("{\"name\": \"x\", \"preset\": \"mode3\", \"steps\": []}").getMessage().contains("unknown preset"));
        assertTrue(error("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"at\": \"ten\", \"action\": \"stop\", \"target\": \"db1/mysqld\"}]}")
                .getMessage().contains("not a duration"));
        assertTrue(error("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"action\": \"stop\", \"target\": \"db1/haproxy\"}]}")
                .getMessage().contains("no haproxy"));
        assertTrue(error("{\"name\": \"x\", \"preset\": \"mode1\" \"steps\": []}").getMessage().contains("missing comma"));
        assertTrue(error("{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [{\"expect\": \"state\", \"host\": \"db1\", \"state\": \"UP\"}]}")
                .getMessage().contains("MASTER, BACKUP, FAULT"));
        assertTrue(error("{\"name\": \"x\", \"steps\": []}").getMessage().contains("\"preset\""));
    }

    @Test
    void unknownKeysAreWarningsNotErrors() throws Exception {
        Drill d = parse("{\"name\": \"x\", \"preset\": \"mode1\", \"colour\": \"red\", \"steps\": [{\"at\": \"1s\", \"action\": \"stop\", \"target\": \"db1/mysqld\", \"why\": 1}]}");
        assertEquals(2, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("unknown key \"colour\""));
    }

    @Test
    void setOverridesTopologySettingsByPath() throws Exception {
        Drill d = parse("{\"name\": \"x\", \"preset\": \"mode1\", \"set\": {\"db1.keepalived.nopreempt\": true, \"db2.keepalived.priority\": 99,"
                + " \"db1.keepalived.scripts.0.weight\": -20}, \"steps\": []}");
        assertTrue(d.topology().node("db1").keepalived.nopreempt);
        assertEquals(99, d.topology().node("db2").keepalived.priority);
        assertEquals(-20, d.topology().node("db1").keepalived.scripts.get(0).weight);
        assertTrue(error("{\"name\": \"x\", \"preset\": \"mode1\", \"set\": {\"db1.keepalived.nopremept\": true}, \"steps\": []}")
                .getMessage().contains("no such setting db1.keepalived.nopremept"));
    }
}
