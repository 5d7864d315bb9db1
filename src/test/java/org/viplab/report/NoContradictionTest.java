package org.viplab.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.viplab.drill.DrillResult;
import org.viplab.testing.Drills;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's words never contradict its figures (issue 15's review of samples 09 and 20). */
class NoContradictionTest {
    @Test
    void aSplitBrainWithoutFailoverIsNotCalledAVipThatDidNotMove() throws Exception {
        DrillResult r = Drills.runFile(Path.of("samples/drills/20-dual-master-rows-diverge.json"));
        assertTrue(r.analysis().splitBrainUs() > 0 && r.analysis().failovers().isEmpty(), "the case: split brain, no failover");
        String en = ReportWriter.html(r, ReportOptions.defaults());
        assertFalse(en.contains("The VIP did not move."), "no 'did not move' beside a split brain");
        assertTrue(en.contains("data-failovers=\"none-split-brain\"") && en.contains("split brain, 15.000 s in total"), en.substring(en.indexOf("Failovers")));
        String zh = ReportWriter.html(r, ReportOptions.defaults().withLocale(Locale.SIMPLIFIED_CHINESE));
        assertFalse(zh.contains("VIP 没有移动"));
        assertTrue(zh.contains("脑裂，合计 15.000 s"));
    }

    @Test
    void aPassedTrapSaysTheTroubleHappened() throws Exception {
        DrillResult r = Drills.runFile(Path.of("samples/drills/09-mode1-split-brain-blackhole.json"));
        assertTrue(r.passed());
        String html = ReportWriter.html(r, ReportOptions.defaults());
        assertTrue(html.contains("data-trouble=\"seen\""), "a note under PASSED");
        assertTrue(html.contains(">passed: trouble seen<"), "the split-brain and client-down rows say so");
        JsonObject step2 = JsonParser.parseString(r.toJson()).getAsJsonObject().getAsJsonArray("steps").get(1).getAsJsonObject();
        assertEquals("split-brain", step2.get("text").getAsString().split(" ")[1]);
        assertTrue(step2.get("troubleSeen").getAsBoolean());
    }

    @Test
    void aSafeDrillHasNoTrapNote() throws Exception {
        DrillResult r = Drills.runFile(Path.of("samples/drills/01-mode1-basic-failover.json"));
        assertFalse(ReportWriter.html(r, ReportOptions.defaults()).contains("data-trouble"));
    }

    @Test
    void aWholeDrillCheckShowsNoInstant() throws Exception {
        DrillResult r = Drills.runFile(Path.of("samples/drills/20-dual-master-rows-diverge.json"));
        String html = ReportWriter.html(r, ReportOptions.defaults());
        for (String row : html.split("<tr class=")) {
            if (!row.contains("(whole drill)")) continue;
            assertTrue(row.contains("<td class=\"t\">whole drill</td>"), row);
        }
        List<String> wholeSteps = JsonParser.parseString(r.toJson()).getAsJsonObject().getAsJsonArray("steps").asList().stream()
                .map(e -> e.getAsJsonObject()).filter(o -> o.get("text").getAsString().endsWith("(whole drill)"))
                .map(o -> o.has("wholeDrill") ? "flagged" : "unflagged").toList();
        assertFalse(wholeSteps.contains("unflagged"), "result.json flags whole-drill steps");
    }
}
