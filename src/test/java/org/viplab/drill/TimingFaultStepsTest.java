package org.viplab.drill;

import org.junit.jupiter.api.Test;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timing faults' steps in a drill file: what they read as, and each wrong input refused at its line and column. */
class TimingFaultStepsTest {
    private static Action action(String step) throws DrillException {
        Drill d = DrillParser.parse("t.json", "{\"name\": \"x\", \"preset\": \"mode1\", \"steps\": [\n" + step + "\n]}", Path.of("."));
        return ((Step.ActionStep) d.steps().get(0)).action();
    }

    private static DrillException error(String step) {
        return assertThrows(DrillException.class, () -> action(step));
    }

    @Test
    void eachFaultReadsWithItsAmountAndPrintsAsWritten() throws Exception {
        Action stall = action("{\"at\": \"5s\", \"action\": \"stall\", \"target\": \"db1\", \"for\": \"3.7s\"}");
        assertEquals(new Action(Verb.STALL, new Target.Host("db1"), Action.Amount.duration(3_700_000)), stall);
        assertEquals("stall db1 for 3.7s", stall.toString());
        assertEquals("delay db1-db2 by 200ms jitter 50ms",
                action("{\"action\": \"delay\", \"target\": \"db1-db2\", \"by\": \"200ms\", \"jitter\": \"50ms\"}").toString());
        Action loss = action("{\"action\": \"loss\", \"target\": \"db1-db2/vrrp\", \"percent\": \"30%\"}");
        assertEquals(3000, loss.amount().lossBasisPoints());
        assertEquals("loss db1-db2/vrrp 30%", loss.toString());
        assertEquals("loss clients-db2 0.5%", action("{\"action\": \"loss\", \"target\": \"clients-db2\", \"percent\": \"0.5%\"}").toString());
        assertEquals("slow db1/mysqld by 3s", action("{\"action\": \"slow\", \"target\": \"db1/mysqld\", \"by\": \"3s\"}").toString());
        assertEquals("resume db1", action("{\"action\": \"resume\", \"target\": \"db1\"}").toString());
    }

    @Test
    void wrongAmountsAreRefusedAtTheirKeyWithTheRange() {
        DrillException over = error("  {\"action\": \"loss\", \"target\": \"db1-db2/vrrp\", \"percent\": \"130%\"}");
        assertEquals(2, over.line());
        assertTrue(over.getMessage().contains("out of range: 0.01% .. 100%"), over.getMessage());
        assertTrue(over.toString().startsWith("t.json:2:59: "), "points at the value of \"percent\": " + over);
        assertTrue(error("{\"action\": \"loss\", \"target\": \"db1-db2\", \"percent\": 30}").getMessage().contains("must be a string such as \"30%\""));
        assertTrue(error("{\"action\": \"loss\", \"target\": \"db1-db2\", \"percent\": \"30\"}").getMessage().contains("not a percentage"));
        assertTrue(error("{\"action\": \"delay\", \"target\": \"db1-db2\", \"by\": \"50ms\", \"jitter\": \"80ms\"}").getMessage()
                .contains("\"jitter\" 80ms is out of range: 0 .. the delay (50ms)"));
        assertTrue(error("{\"action\": \"delay\", \"target\": \"db1-db2\", \"by\": \"2m\"}").getMessage().contains("out of range: 1ms .. 60s"));
        assertTrue(error("{\"action\": \"stall\", \"target\": \"db1\", \"for\": \"0s\"}").getMessage().contains("stall \"for\" 0us is out of range"));
        assertTrue(error("{\"action\": \"stall\", \"target\": \"db1\"}").getMessage().contains("stall needs \"for\""));
        assertTrue(error("{\"action\": \"slow\", \"target\": \"db1/mysqld\"}").getMessage().contains("slow needs \"by\""));
        assertTrue(error("{\"action\": \"stall\", \"target\": \"db1\", \"for\": \"soon\"}").getMessage().contains("not a duration"));
    }

    @Test
    void wrongTargetsAndStrayKeysAreRefused() {
        DrillException mysqld = error("{\"action\": \"stall\", \"target\": \"db1/mysqld\", \"for\": \"1s\"}");
        assertTrue(mysqld.getMessage().contains("stall takes a whole host"), mysqld.getMessage());
        assertTrue(mysqld.toString().startsWith("t.json:2:31: "), "points at the target: " + mysqld);
        assertTrue(error("{\"action\": \"slow\", \"target\": \"db1/keepalived\", \"by\": \"1s\"}").getMessage().contains("slow takes HOST/mysqld"));
        assertTrue(error("{\"action\": \"delay\", \"target\": \"db1/link\", \"by\": \"1s\"}").getMessage().contains("db1-db2, db1-db2/vrrp or clients-HOST"));
        assertTrue(error("{\"action\": \"stop\", \"target\": \"db1\"}").getMessage().contains("a whole host takes stall or resume"));
        assertTrue(error("{\"action\": \"stop\", \"target\": \"db1/mysqld\", \"for\": \"1s\"}").getMessage().contains("\"stop\" takes no \"for\""));
        assertTrue(error("{\"action\": \"stall\", \"target\": \"db1\", \"for\": \"1s\", \"by\": \"1s\"}").getMessage()
                .contains("\"stall\" takes no \"by\"; it takes \"for\""));
    }

    @Test
    void theRecorderWritesTheAmountKeysBack() {
        com.google.gson.JsonObject step = new com.google.gson.JsonObject();
        ActionAmounts.write(step, new Action(Verb.DELAY, new Target.ClientPath("db1"), Action.Amount.delay(200_000, 50_000)));
        assertEquals("{\"by\":\"200ms\",\"jitter\":\"50ms\"}", step.toString());
        com.google.gson.JsonObject loss = new com.google.gson.JsonObject();
        ActionAmounts.write(loss, new Action(Verb.LOSS, new Target.PeerPath("db1", "db2", true), Action.Amount.loss(1250)));
        assertEquals("{\"percent\":\"12.5%\"}", loss.toString());
    }
}
