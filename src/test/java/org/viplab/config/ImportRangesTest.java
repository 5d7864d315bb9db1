package org.viplab.config;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every numeric setting an import reads, one bad value each, in the file it is written in: the import is refused
 * with the file and line of that value and what is wrong (the range, or what was expected). The ranges are
 * keepalived's and haproxy's own where they have one (keepalived's parser: priority and virtual_router_id 1-255,
 * advert_int 0.01-255 s, preempt_delay 0-1000 s, weight -253..253; haproxy: port 1-65535, weight 0-256), and VIP
 * Lab's where the daemon accepts a value no lab needs and the simulator could not bound (a script every
 * microsecond, a check every millisecond).
 */
class ImportRangesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // file | line as in the sample | replaced by | the end of the message after file:line:col
        "keepalived.conf | virtual_router_id 51 | virtual_router_id 256 | expected virtual_router_id in 1..255, got 256",
        "keepalived.conf | priority 10 | priority 256 | expected priority in 1..255, got 256",
        "keepalived.conf | priority 10 | priority 0 | expected priority in 1..255, got 0",
        "keepalived.conf | advert_int 1 | advert_int 300 | expected advert_int in 0.01..255.0, got 300",
        "keepalived.conf | advert_int 1 | advert_int 1\\n    preempt_delay 1001 | expected preempt_delay in 0.0..1000.0, got 1001",
        "keepalived.conf | advert_int 1 | advert_int 1\\n    garp_master_delay 3601 | db1.keepalived.garpMasterDelaySec must be 0..3600 s, got 3601",
        "keepalived.conf | advert_int 1 | advert_int 1\\n    garp_master_repeat 256 | db1.keepalived.garpMasterRepeat must be 0..255, got 256",
        "keepalived.conf | interval 3 | interval 0.05 | db1.keepalived.scripts.0.intervalSec must be 0.1..3600 s, got 0.05",
        "keepalived.conf | interval 3 | interval 3\\n    timeout 7200 | db1.keepalived.scripts.0.timeoutSec must be 0.1..3600 s, got 7200",
        "keepalived.conf | weight -5 | weight -254 | expected weight in -253..253, got -254",
        "keepalived.conf | weight -5 | weight -5\\n    rise 0 | expected rise in 1..2147483647, got 0",
        "keepalived.conf | weight -5 | weight -5\\n    fall 1001 | db1.keepalived.scripts.0.fall must be 1..1000, got 1001",
        "haproxy.cfg | bind *:6039 | bind *:65536 | expected a port in 0..65535, got 65536",
        "haproxy.cfg | server  db1 10.9.8.201:3306 check | server  db1 10.9.8.201:3306 check inter 5 | db1.haproxy.interMs must be 10..3600000 ms, got 5",
        "haproxy.cfg | server  db1 10.9.8.201:3306 check | server  db1 10.9.8.201:3306 check fastinter 2h | db1.haproxy.fastinterMs must be 10..3600000 ms, got 7200000",
        "haproxy.cfg | server  db1 10.9.8.201:3306 check | server  db1 10.9.8.201:3306 check downinter 1 | db1.haproxy.downinterMs must be 10..3600000 ms, got 1",
        "haproxy.cfg | server  db1 10.9.8.201:3306 check | server  db1 10.9.8.201:3306 check rise 1001 | db1.haproxy.rise must be 1..1000, got 1001",
        "haproxy.cfg | server  db1 10.9.8.201:3306 check | server  db1 10.9.8.201:3306 check fall 1001 | db1.haproxy.fall must be 1..1000, got 1001",
        "haproxy.cfg | server  db1 10.9.8.201:3306 check | server  db1 10.9.8.201:3306 check weight 257 | db1.haproxy.servers.0.weight must be 0..256, got 257",
        "haproxy.cfg | server  db2 10.9.8.223:3306 check | server  db2 10.9.8.223:65536 check | expected a port in 0..65535, got 65536",
        "haproxy.cfg | retries                 3 | retries                 101 | db1.haproxy.retries must be 0..100, got 101",
        "haproxy.cfg | timeout check           10s | timeout check           2h | db1.haproxy.timeoutCheckMs must be 1..3600000 ms, got 7200000",
        "haproxy.cfg | timeout connect         10s | timeout connect         2h | db1.haproxy.timeoutConnectMs must be 1..3600000 ms, got 7200000",
    })
    void aValueOutOfRangeIsRefusedAtItsLine(String file, String from, String to, String expected) throws IOException {
        Map<String, Path> nodes = copyMode2();
        Path edited = nodes.get("db1").resolve(file);
        String text = Files.readString(edited);
        assertTrue(text.contains(from), file + " holds " + from);
        String replaced = to.replace("\\n", "\n");
        String after = text.replace(from, replaced);
        Files.writeString(edited, after);
        int line = lineOf(after, replaced.contains("\n") ? replaced.substring(replaced.indexOf('\n') + 1) : replaced);

        ConfigParseException e = assertThrows(ConfigParseException.class, () -> ConfigImporter.importNodes(nodes));
        assertEquals(edited.toString(), e.pos().file(), e.getMessage());
        assertEquals(line, e.pos().line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(edited + ":" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().endsWith(expected), e.getMessage());
    }

    private Map<String, Path> copyMode2() throws IOException {
        Map<String, Path> nodes = new LinkedHashMap<>();
        for (String n : List.of("db1", "db2")) {
            Path to = Files.createDirectories(dir.resolve(n));
            try (var files = Files.list(Path.of("samples/configs/mode2", n))) {
                for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
            }
            nodes.put(n, to);
        }
        return nodes;
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].strip().equals(line.strip())) return i + 1;
        throw new AssertionError("no line " + line);
    }
}
