package org.viplab.observe;

import org.junit.jupiter.api.Test;
import org.viplab.core.timeline.LabEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.observe.KeepalivedLogParserTest.us;

/** ip monitor, tcpdump and haproxy show stat, on what the real lab printed. */
class WireParsersTest {
    static final Map<String, String> HOSTS = Map.of("10.9.8.201", "db1", "10.9.8.223", "db2");

    @Test
    void addressMonitorSeesTheVipLeaveAndComeBackInS1() throws IOException {
        AddressMonitorParser p = new AddressMonitorParser("db1", "10.9.8.120", ZoneOffset.UTC);
        List<LabEvent.VipChanged> ev = Files.readAllLines(Fixtures.realLab("S1-run1").resolve("mon-db1.log")).stream()
                .map(l -> p.parse(l, TimeMap.identity())).flatMap(Optional::stream).toList();
        assertEquals(2, ev.size());
        assertEquals(us("2026-11-25T13:28:04.967471"), ev.get(0).timeUs());
        assertFalse(ev.get(0).added());
        assertTrue(ev.get(1).added());
        assertEquals(us("2026-11-25T13:28:28.772352"), ev.get(1).timeUs());
    }

    @Test
    void oneLineFormAndOtherAddressesAreIgnored() {
        AddressMonitorParser p = new AddressMonitorParser("db2", "10.9.8.120", ZoneOffset.UTC);
        Optional<LabEvent.VipChanged> e = p.parse(
                "[2026-11-25T13:31:11.509892] 2: eth0    inet 10.9.8.120/32 scope global eth0\\       valid_lft forever preferred_lft forever",
                TimeMap.identity());
        assertEquals(us("2026-11-25T13:31:11.509892"), e.orElseThrow().timeUs());
        assertTrue(e.get().added());
        assertTrue(p.parse("[2026-11-25T13:31:11.509892] 2: eth0    inet 10.9.8.223/22 brd 10.9.11.255 scope global eth0", TimeMap.identity()).isEmpty());
        assertTrue(p.parse("       valid_lft forever preferred_lft forever", TimeMap.identity()).isEmpty());
    }

    @Test
    void keepalivedLogAndAddressMonitorAgreeOnTheVipMoveWithin50ms() throws IOException {
        // the figure the SSH engine owes: its VIP-move time (ip monitor) against keepalived's own line
        for (String run : List.of("S1-run1", "S2-run2", "S3-run1", "S5-run3", "S6-run1")) {
            KeepalivedLogParser k = new KeepalivedLogParser("db2", ZoneOffset.UTC, false, 51, 1_000_000);
            k.assume(org.viplab.core.model.VrrpState.BACKUP, org.viplab.core.model.ProcessState.RUNNING);
            long master = Files.readAllLines(Fixtures.realLab(run).resolve("keepalived-db2.log")).stream()
                    .flatMap(l -> k.parse(l, TimeMap.identity()).stream())
                    .filter(e -> e instanceof LabEvent.VrrpStateChanged s && s.to() == org.viplab.core.model.VrrpState.MASTER)
                    .findFirst().orElseThrow().timeUs();
            AddressMonitorParser a = new AddressMonitorParser("db2", "10.9.8.120", ZoneOffset.UTC);
            long added = Files.readAllLines(Fixtures.realLab(run).resolve("mon-db2.log")).stream()
                    .map(l -> a.parse(l, TimeMap.identity())).flatMap(Optional::stream)
                    .filter(LabEvent.VipChanged::added).findFirst().orElseThrow().timeUs();
            assertTrue(Math.abs(master - added) < 50_000, run + ": keepalived " + master + " vs ip monitor " + added);
        }
    }

    @Test
    void tcpdumpAdvertsWithPriorityZeroInS3() throws IOException {
        VrrpDumpParser p = new VrrpDumpParser(HOSTS, ZoneOffset.UTC);
        List<LabEvent.AdvertSent> ev = Files.readAllLines(Fixtures.realLab("S3-run1").resolve("tcpdump-br0.txt")).stream()
                .map(l -> p.parse(l, TimeMap.identity())).flatMap(Optional::stream).toList();
        assertTrue(ev.size() > 10);
        // mode 2 priorities 10 / 9; the release is one priority-0 advert from db1
        List<LabEvent.AdvertSent> zero = ev.stream().filter(a -> a.priority() == 0).toList();
        assertEquals(1, zero.size());
        assertEquals("db1", zero.get(0).host());
        assertTrue(ev.stream().allMatch(a -> a.vrid() == 51 && a.version() == 2 && a.intervalUs() == 1_000_000));
        assertTrue(ev.stream().filter(a -> a.host().equals("db1") && a.priority() > 0).allMatch(a -> a.priority() == 10));
        assertTrue(ev.stream().filter(a -> a.host().equals("db2")).allMatch(a -> a.priority() == 9));
        // db2's first advert comes Skew(9) = (256-9)/256 s = 965 ms after the priority-0 advert
        LabEvent.AdvertSent firstDb2 = ev.stream().filter(a -> a.host().equals("db2") && a.timeUs() > zero.get(0).timeUs()).findFirst().orElseThrow();
        long gap = firstDb2.timeUs() - zero.get(0).timeUs();
        assertTrue(gap > 940_000 && gap < 990_000, "gap " + gap);
    }

    @Test
    void tcpdumpS1ExactAdvert() {
        VrrpDumpParser p = new VrrpDumpParser(HOSTS, ZoneOffset.UTC);
        assertEquals(new LabEvent.AdvertSent(us("2026-11-25T13:28:04.962697"), "db1", 51, 0, 2, 1_000_000),
                p.parse("2026-11-25 13:28:04.962697 IP 10.9.8.201 > 224.0.0.18: VRRPv2, Advertisement, vrid 51, prio 0, authtype simple, intvl 1s, length 20",
                        TimeMap.identity()).orElseThrow());
        assertEquals(100_000, p.parse("2026-11-25 13:28:04.962697 IP 10.9.8.223 > 224.0.0.18: VRRPv3, Advertisement, vrid 51, prio 90, intvl 10cs, length 12",
                TimeMap.identity()).orElseThrow().intervalUs());
        assertTrue(p.parse("2026-11-25 13:28:05.613764 ARP, Request who-has 10.9.8.120 (ff:ff:ff:ff:ff:ff) tell 10.9.8.120, length 28",
                TimeMap.identity()).isEmpty());
    }

    @Test
    void haproxyShowStatReportsServerChangesOnly() throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("show-stat-down.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HaproxyStatParser p = new HaproxyStatParser("db1");
        List<LabEvent.ServerCheck> first = p.parse(csv, 5);
        assertEquals(2, first.size());
        assertEquals(new LabEvent.ServerCheck(5, "db1", "db1", "DOWN", "L4CON", false), first.get(0));
        assertEquals("db2", first.get(1).server());
        assertTrue(p.parse(csv, 6).isEmpty(), "no change, no event");
        String db2Up = csv.replace("back_mysql,db2,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN", "back_mysql,db2,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP")
                .replace("L4CON,,0,,,,,,,,,,,0,0,,,,,-1,Connection refused,,0,0,0,0,,,,Layer4 connection problem,,2,3,0,,,,127.0.0.1:22",
                        "L4OK,,0,,,,,,,,,,,0,0,,,,,-1,Layer4 check passed,,0,0,0,0,,,,Layer4 check passed,,2,3,4,,,,127.0.0.1:22");
        List<LabEvent.ServerCheck> second = p.parse(db2Up, 7);
        assertEquals(List.of(new LabEvent.ServerCheck(7, "db1", "db2", "UP", "L4OK", true)), second);
        assertThrows(IllegalArgumentException.class, () -> new HaproxyStatParser("x").parse("a,b,c\n", 0));
    }
}
