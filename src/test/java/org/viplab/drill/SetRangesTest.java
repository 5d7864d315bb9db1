package org.viplab.drill;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One bad value of every numeric setting through a drill's {@code "set"} (the path a topology file, a session and the
 * settings form share, core.model.Limits): refused with the drill's file:line:column of the value and the range.
 * ImportRangesTest does the same through keepalived.conf and haproxy.cfg.
 */
class SetRangesTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "probeIntervalMs | 9 | probeIntervalMs must be 10..3600000 ms, got 9",
        "probeTimeoutMs | 3600001 | probeTimeoutMs must be 1..3600000 ms, got 3600001",
        "arpBaseReachableMs | 0 | arpBaseReachableMs must be 1..3600000 ms, got 0",
        "clientPort | 65536 | clientPort must be 1..65535, got 65536",
        "db1.mysqldShutdownMs | -1 | db1.mysqldShutdownMs must be 0..3600000 ms, got -1",
        "db1.mysqldStartupMs | 3600001 | db1.mysqldStartupMs must be 0..3600000 ms, got 3600001",
        "db1.keepalived.priority | 256 | db1.keepalived.priority must be 1..255, got 256",
        "db1.keepalived.virtualRouterId | 0 | db1.keepalived.virtualRouterId must be 1..255, got 0",
        "db1.keepalived.advertIntSec | 0.001 | db1.keepalived.advertIntSec must be 0.01..255 s, got 0.001",
        "db1.keepalived.preemptDelaySec | 1001 | db1.keepalived.preemptDelaySec must be 0..1000 s, got 1001",
        "db1.keepalived.garpMasterDelaySec | -1 | db1.keepalived.garpMasterDelaySec must be 0..3600 s, got -1",
        "db1.keepalived.garpMasterRepeat | 256 | db1.keepalived.garpMasterRepeat must be 0..255, got 256",
        "db1.keepalived.downTimerAdverts | 101 | db1.keepalived.downTimerAdverts must be 1..100, got 101",
        "db1.keepalived.scripts.0.intervalSec | 0.01 | db1.keepalived.scripts.0.intervalSec must be 0.1..3600 s, got 0.01",
        "db1.keepalived.scripts.0.timeoutSec | 3601 | db1.keepalived.scripts.0.timeoutSec must be 0.1..3600 s, got 3601",
        "db1.keepalived.scripts.0.weight | 254 | db1.keepalived.scripts.0.weight must be -253..253, got 254",
        "db1.keepalived.scripts.0.rise | 0 | db1.keepalived.scripts.0.rise must be 1..1000, got 0",
        "db1.keepalived.scripts.0.fall | 1001 | db1.keepalived.scripts.0.fall must be 1..1000, got 1001",
        "db1.haproxy.bindPort | 0 | db1.haproxy.bindPort must be 1..65535, got 0",
        "db1.haproxy.interMs | 9 | db1.haproxy.interMs must be 10..3600000 ms, got 9",
        "db1.haproxy.fastinterMs | 9 | db1.haproxy.fastinterMs must be 10..3600000 ms, got 9",
        "db1.haproxy.downinterMs | 3600001 | db1.haproxy.downinterMs must be 10..3600000 ms, got 3600001",
        "db1.haproxy.timeoutCheckMs | 0 | db1.haproxy.timeoutCheckMs must be 1..3600000 ms, got 0",
        "db1.haproxy.timeoutConnectMs | 0 | db1.haproxy.timeoutConnectMs must be 1..3600000 ms, got 0",
        "db1.haproxy.fall | 0 | db1.haproxy.fall must be 1..1000, got 0",
        "db1.haproxy.rise | 1001 | db1.haproxy.rise must be 1..1000, got 1001",
        "db1.haproxy.retries | 101 | db1.haproxy.retries must be 0..100, got 101",
        "db1.haproxy.servers.0.port | 0 | db1.haproxy.servers.0.port must be 1..65535, got 0",
        "db1.haproxy.servers.1.weight | 257 | db1.haproxy.servers.1.weight must be 0..256, got 257",
    })
    void aValueOutOfRangeIsRefusedAtItsPlaceInTheDrill(String field, String value, String expected) {
        String text = "{\"name\": \"x\", \"preset\": \"mode2\",\n \"set\": {\"" + field + "\": " + value + "},\n \"steps\": []}";
        DrillException e = assertThrows(DrillException.class, () -> DrillParser.parse("d.json", text, Path.of(".")));
        int column = " \"set\": {\"".length() + field.length() + 4; // the value, 1-based, after `": `
        assertEquals("d.json:2:" + column + ": \"set\": " + expected, e.toString());
    }
}
