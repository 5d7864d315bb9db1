package org.viplab.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ip monitor neigh} lines as iproute2 prints them (after the {@code -ts} stamp, which Stamp reads). */
class NeighMonitorParserTest {
    @Test
    void readsTheEntrysMacAndStateAndADeletion() {
        assertThat(NeighMonitorParser.parse("10.9.8.120 dev viplab0 lladdr 62:D9:ea:3a:c4:9c STALE"))
                .contains(new NeighMonitorParser.Neigh("10.9.8.120", "62:d9:ea:3a:c4:9c", "STALE"));
        assertThat(NeighMonitorParser.parse("10.9.8.120 dev viplab0 lladdr 16:90:de:f4:19:3b REACHABLE"))
                .contains(new NeighMonitorParser.Neigh("10.9.8.120", "16:90:de:f4:19:3b", "REACHABLE"));
        // an entry without an address (ip prints two spaces where lladdr would be)
        assertThat(NeighMonitorParser.parse("10.9.8.120 dev viplab0  FAILED")).contains(new NeighMonitorParser.Neigh("10.9.8.120", "", "FAILED"));
        assertThat(NeighMonitorParser.parse("Deleted 10.9.8.120 dev viplab0 lladdr 16:90:de:f4:19:3b STALE"))
                .contains(new NeighMonitorParser.Neigh("10.9.8.120", "16:90:de:f4:19:3b", "DELETED"));
    }

    @Test
    void otherLinesAreNotNeighbourLines() {
        assertThat(NeighMonitorParser.parse("2: eth0    inet 10.9.8.120/32 scope global eth0")).isEmpty();
        assertThat(NeighMonitorParser.parse("(VI_1) Entering MASTER STATE")).isEmpty();
        assertThat(NeighMonitorParser.recognises("fe80::1 dev viplab0 lladdr 16:90:de:f4:19:3b router STALE")).isFalse();
    }
}
