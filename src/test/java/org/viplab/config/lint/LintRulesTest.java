package org.viplab.config.lint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One test per rule: a minimal pair of nodes that triggers it and the same pair without the problem. The
 * baseline is a clean configuration (no findings at all); each test changes one thing.
 */
class LintRulesTest {
    @TempDir
    Path tmp;
    private final Map<String, String> db1 = new HashMap<>();
    private final Map<String, String> db2 = new HashMap<>();
    private int runs;

    private static final String KEEPALIVED = """
            global_defs {
               router_id R_%name%
               %security%
            }
            vrrp_script chk {
                script "/etc/keepalived/check.sh"
                interval 2
                %timeout%
                weight %weight%
                %fall%
                %rise%
            }
            vrrp_instance VI_1 {
                state %state%
                %nopreempt%
                interface eth0
                virtual_router_id %vrid%
                priority %prio%
                advert_int %adv%
                %version%
                %auth%
                %unicast%
                virtual_ipaddress {
                    %vips%
                }
                track_script {
                    chk
                }
                %extra%
            }
            %tail%
            """;

    private static final String GOOD_HAPROXY = """
            defaults
                mode tcp
                timeout connect 5s
                timeout check 2s
            frontend mysql
                bind %bind%
                default_backend be
            backend be
                %mode%
                balance %balance%
                %check%
                default-server inter 2s fall 3 rise 2 %omd%
                server db1 10.9.8.201:3306 check
                server db2 10.9.8.223:3306 check %backup%
            """;

    @BeforeEach
    void baseline() {
        for (Map<String, String> m : List.of(db1, db2)) {
            m.put("timeout", "timeout 2");
            m.put("security", "enable_script_security\n   script_user keepalived_script");
            m.put("weight", "0");
            m.put("fall", "fall 3");
            m.put("rise", "rise 2");
            m.put("state", "BACKUP");
            m.put("nopreempt", "nopreempt");
            m.put("vrid", "51");
            m.put("adv", "1");
            m.put("version", "");
            m.put("auth", "authentication {\n auth_type PASS\n auth_pass 1111\n }");
            m.put("vips", "10.9.8.120 dev eth0");
            m.put("extra", "");
            m.put("tail", "");
            m.put("script", "#!/bin/bash\nexec mysqladmin --connect-timeout=2 -h 127.0.0.1 -P 3306 ping\n");
            m.put("bind", "*:6039");
            m.put("mode", "mode tcp");
            m.put("balance", "first");
            m.put("omd", "on-marked-down shutdown-sessions");
            m.put("backup", "backup");
            m.put("check", "option mysql-check user chk");
        }
        db1.put("name", "db1");
        db2.put("name", "db2");
        db1.put("prio", "100");
        db2.put("prio", "90");
        db1.put("unicast", "unicast_src_ip 10.9.8.201\n unicast_peer {\n 10.9.8.223\n }");
        db2.put("unicast", "unicast_src_ip 10.9.8.223\n unicast_peer {\n 10.9.8.201\n }");
    }

    private static String fill(String template, Map<String, String> m) {
        String s = template;
        for (Map.Entry<String, String> e : m.entrySet()) s = s.replace("%" + e.getKey() + "%", e.getValue());
        return s;
    }

    private List<Finding> lint(boolean haproxy) throws Exception {
        Path root = tmp.resolve("run" + (runs++));
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (Map<String, String> m : List.of(db1, db2)) {
            Path d = root.resolve(m.get("name"));
            Files.createDirectories(d);
            Files.writeString(d.resolve("keepalived.conf"), fill(KEEPALIVED, m));
            Files.writeString(d.resolve("check.sh"), m.get("script"));
            if (haproxy) Files.writeString(d.resolve("haproxy.cfg"), fill(GOOD_HAPROXY, m));
            if (m.containsKey("sysctl")) Files.writeString(d.resolve("sysctl.conf"), m.get("sysctl"));
            dirs.put(m.get("name"), d);
        }
        return Lint.run(dirs);
    }

    private static List<Finding> of(List<Finding> fs, String rule) { return fs.stream().filter(f -> f.rule().equals(rule)).toList(); }

    private Finding only(List<Finding> fs, String rule) {
        List<Finding> r = of(fs, rule);
        assertFalse(r.isEmpty(), "expected " + rule + " in " + fs.stream().map(Finding::rule).toList());
        return r.get(0);
    }

    /** The findings that flag something, without the failover budget's, which every config gets (see below). */
    private List<Finding> problems(boolean haproxy) throws Exception {
        return lint(haproxy).stream().filter(f -> !f.rule().startsWith("failover-budget")).toList();
    }

    @Test
    void theBaselineIsClean() throws Exception {
        assertEquals(List.of(), problems(false));
        assertEquals(List.of(), problems(true));
    }

    @Test
    void everyConfigIsToldWhatItsSettingsAllowAClientsDowntime() throws Exception {
        List<Finding> fs = lint(false);
        Finding stop = only(fs, "failover-budget");
        assertEquals(Severity.INFO, stop.severity());
        assertEquals("db1", stop.node());
        assertTrue(stop.message().matches("if mysqld stops on db1, clients can be down up to [0-9.]+ s with these settings"), stop.message());
        assertTrue(stop.why().contains("wait for the next check 0–"), stop.why());
        assertTrue(stop.message(java.util.Locale.SIMPLIFIED_CHINESE).contains("客户端最多可能中断"), stop.message(java.util.Locale.SIMPLIFIED_CHINESE));
        // priority 90 on db2: Skew(90) = 648.437 ms, and 3 × advert_int before it when keepalived dies silently
        Finding silent = only(fs, "failover-budget-silent");
        assertTrue(silent.message().endsWith("db2 takes over after 2.648–3.648 s and both hold the VIP meanwhile"), silent.message());
    }

    @Test
    void weightTooSmall() throws Exception {
        db1.put("state", "MASTER");
        db1.put("nopreempt", "");
        db2.put("nopreempt", "");
        for (Map<String, String> m : List.of(db1, db2)) {
            m.put("weight", "-5");
            m.put("script", "#!/bin/bash\nmysqladmin ping || exit 1\n");
        }
        Finding f = only(lint(false), "weight-too-small");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("db1", f.node());
        assertTrue(f.message().contains("100 − 5 = 95 ≥ 90"), f.message());
        assertTrue(f.pos().file().endsWith("db1/keepalived.conf"));
        assertEquals(10, f.pos().line());
        assertTrue(f.proof().contains("the VIP stays on db1"), f.proof());
        // 100 - 11 = 89 < 90: the weight moves the VIP
        db1.put("weight", "-11");
        assertTrue(of(lint(false), "weight-too-small").isEmpty());
        Prover.Outcome o = Prover.run(org.viplab.config.ConfigImporter.importNodes(dirsOfLastRun()).topology(),
                t -> PriorityRules.followTest(t, "db1", "chk"),
                List.of(Prover.step(5, org.viplab.lab.Verb.STOP, "db1/mysqld")), 30, "x");
        assertEquals(java.util.Set.of("db2"), o.holdersAtEnd());
    }

    @Test
    void positiveWeightsAreWeighedToo() throws Exception {
        db1.put("state", "MASTER");
        db1.put("nopreempt", "");
        db2.put("nopreempt", "");
        for (Map<String, String> m : List.of(db1, db2)) {
            m.put("weight", "5");
            m.put("script", "#!/bin/bash\nmysqladmin ping || exit 1\n");
        }
        // db1 fails: 105 -> 100, db2 healthy: 90 + 5 = 95; 100 >= 95, no failover
        Finding f = only(lint(false), "weight-too-small");
        assertTrue(f.message().contains("db1 falls from 105 to 100 ≥ 95 (db2, 90 + 5)"), f.message());
        for (Map<String, String> m : List.of(db1, db2)) m.put("weight", "20");
        // 100 < 110: moves
        assertTrue(of(lint(false), "weight-too-small").isEmpty());
    }

    private Map<String, Path> dirsOfLastRun() {
        Path root = tmp.resolve("run" + (runs - 1));
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("db1", root.resolve("db1"));
        m.put("db2", root.resolve("db2"));
        return m;
    }

    @Test
    void weightNeverMattersWithNopreemptOnTheBackupOrPriority255() throws Exception {
        db1.put("weight", "-50");
        db1.put("script", "#!/bin/bash\nmysqladmin ping || exit 1\n");
        Finding f = only(lint(false), "weight-never-matters");
        assertEquals("db2", f.node());
        assertTrue(f.proof().contains("the VIP stays on db1"), f.proof());
        db2.put("nopreempt", "");
        db1.put("nopreempt", "");
        assertTrue(of(lint(false), "weight-never-matters").isEmpty());
        db1.put("prio", "255");
        db1.put("state", "MASTER");
        Finding g = only(lint(false), "weight-never-matters");
        assertTrue(g.message().contains("priority 255"), g.message());
    }

    @Test
    void nopreemptAndPreemptDelayWithStateMaster() throws Exception {
        db1.put("state", "MASTER");
        db1.put("extra", "preempt_delay 30");
        List<Finding> fs = lint(false);
        Finding f = only(fs, "nopreempt-with-state-master");
        assertEquals(Severity.WARNING, f.severity());
        // keepalived ignores nopreempt: db1 takes the VIP back after a restart
        assertTrue(f.proof().contains("back to db1"), f.proof());
        only(fs, "preempt-delay-with-state-master");
        db1.put("state", "BACKUP");
        fs = lint(false);
        assertTrue(of(fs, "nopreempt-with-state-master").isEmpty());
        assertTrue(of(fs, "preempt-delay-with-state-master").isEmpty());
    }

    @Test
    void mismatchesBetweenTheNodesGiveSplitBrain() throws Exception {
        db2.put("vrid", "52");
        Finding f = only(lint(false), "vrrp-mismatch");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("virtual_router_id"), f.message());
        assertTrue(f.proof().contains("both hosts hold the VIP"), f.proof());
        db2.put("vrid", "51");
        db2.put("auth", "authentication {\n auth_type PASS\n auth_pass 2222\n }");
        f = only(lint(false), "vrrp-mismatch");
        assertTrue(f.message().contains("authentication"), f.message());
        assertTrue(f.proof().contains("both hosts hold the VIP"), f.proof());
        db2.put("auth", db1.get("auth"));
        db2.put("adv", "2");
        assertTrue(only(lint(false), "vrrp-mismatch").message().contains("advert_int"));
        db2.put("adv", "1");
        db2.put("version", "version 3");
        assertTrue(only(lint(false), "vrrp-mismatch").message().contains("version"));
        db2.put("version", "");
        db2.put("vips", "10.9.8.121 dev eth0");
        Finding vips = only(lint(false), "vrrp-mismatch");
        assertTrue(vips.message().contains("virtual_ipaddress"));
        assertNull(vips.proof(), "the simulator does not model address lists, so it proves nothing here");
        db2.put("vips", db1.get("vips"));
        assertTrue(of(lint(false), "vrrp-mismatch").isEmpty());
    }

    @Test
    void sameVridTwice() throws Exception {
        db1.put("tail", "vrrp_instance VI_2 {\n interface eth0\n virtual_router_id 51\n unicast_peer {\n 10.9.8.223\n }\n virtual_ipaddress {\n 10.9.8.130\n }\n}\n");
        Finding f = only(lint(false), "vrid-reused");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("VI_1"), f.message());
        db1.put("tail", db1.get("tail").replace("virtual_router_id 51", "virtual_router_id 61"));
        assertTrue(of(lint(false), "vrid-reused").isEmpty());
    }

    @Test
    void scriptSecurity() throws Exception {
        db2.put("security", "");
        Finding f = only(lint(false), "no-script-security");
        assertEquals(Severity.INFO, f.severity());
        assertEquals("db2", f.node());
        baseline();
        assertTrue(of(lint(false), "no-script-security").isEmpty());
    }

    @Test
    void multicast() throws Exception {
        db1.put("unicast", "");
        db2.put("unicast", "");
        Finding f = only(lint(false), "multicast-vrrp");
        assertEquals(Severity.INFO, f.severity());
        baseline();
        assertTrue(of(lint(false), "multicast-vrrp").isEmpty());
    }

    @Test
    void scriptThatStopsKeepalived() throws Exception {
        for (Map<String, String> m : List.of(db1, db2)) {
            m.put("script", "#!/bin/bash\nif ! mysqladmin ping; then\n  systemctl stop keepalived\n  exit 1\nfi\n");
        }
        Finding f = only(lint(false), "script-stops-keepalived");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(3, f.pos().line());
        assertTrue(f.pos().file().endsWith("check.sh"));
        assertTrue(f.why().contains("fails outright: enable_script_security"), f.why());
        assertTrue(f.proof().contains("keepalived on db1 is STOPPED at 40 s"), f.proof());
        assertTrue(f.proof().contains("moves from db1 to db2"), f.proof());
        baseline();
        assertTrue(of(lint(false), "script-stops-keepalived").isEmpty());
    }

    @Test
    void scriptThatAlwaysExitsZero() throws Exception {
        db1.put("script", "#!/bin/bash\nif ! mysqladmin ping; then\n  logger down\nfi\n");
        Finding f = only(lint(false), "script-always-exits-zero");
        assertTrue(f.proof().contains("the VIP stays on db1"), f.proof());
        baseline();
        assertTrue(of(lint(false), "script-always-exits-zero").isEmpty());
    }

    @Test
    void scriptWithInvertedExit() throws Exception {
        db1.put("script", "#!/bin/bash\n[ $(ps -C mariadbd --no-header | wc -l) -eq 0 ] && logger down\n");
        only(lint(false), "script-inverted-exit");
        baseline();
        assertTrue(of(lint(false), "script-inverted-exit").isEmpty());
    }

    @Test
    void unrecognisedScript() throws Exception {
        db1.put("script", "#!/usr/bin/env python3\nimport sys\nsys.exit(0)\n");
        assertEquals(Severity.INFO, only(lint(false), "script-unrecognised").severity());
        baseline();
        assertTrue(of(lint(false), "script-unrecognised").isEmpty());
    }

    @Test
    void processNameMysqldAndProcessChecks() throws Exception {
        db1.put("script", "#!/bin/bash\nkillall -0 mysqld\n");
        List<Finding> fs = lint(false);
        Finding name = only(fs, "process-name-mysqld");
        assertTrue(name.proof().contains("db1 FAULT"), name.proof());
        Finding hang = only(fs, "process-check-misses-hang");
        assertTrue(hang.proof().contains("the VIP stays on db1"), hang.proof());
        db1.put("script", "#!/bin/bash\nkillall -0 mariadbd\n");
        fs = lint(false);
        assertTrue(of(fs, "process-name-mysqld").isEmpty());
        only(fs, "process-check-misses-hang");
        baseline();
        assertTrue(of(lint(false), "process-check-misses-hang").isEmpty());
    }

    @Test
    void fallOrRiseOfOne() throws Exception {
        db1.put("fall", "");
        Finding f = only(lint(false), "fall-rise-one");
        assertTrue(f.why().contains("FAULT"), f.why());
        baseline();
        assertTrue(of(lint(false), "fall-rise-one").isEmpty());
    }

    @Test
    void noScriptTimeout() throws Exception {
        db1.put("timeout", "");
        assertEquals(Severity.WARNING, only(lint(false), "no-script-timeout").severity());
        baseline();
        assertTrue(of(lint(false), "no-script-timeout").isEmpty());
    }

    @Test
    void haproxyNotTcp() throws Exception {
        db1.put("mode", "mode http");
        Finding f = only(lint(true), "haproxy-not-tcp");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(9, f.pos().line());
        baseline();
        assertTrue(of(lint(true), "haproxy-not-tcp").isEmpty());
    }

    @Test
    void bareTcpCheck() throws Exception {
        db1.put("check", "");
        Finding f = only(lint(true), "haproxy-bare-tcp-check");
        assertTrue(f.proof().contains("hang mysqld on db1"), f.proof());
        baseline();
        assertTrue(of(lint(true), "haproxy-bare-tcp-check").isEmpty());
    }

    @Test
    void serversWithoutAnyCheck() throws Exception {
        db1.put("check", "");
        db1.put("omd", "");
        // no `check` on either server line of db1's backend
        db1.put("backup", "backup");
        List<Finding> fs = lintWith(m -> m.replace(":3306 check", ":3306"));
        only(fs, "haproxy-no-check");
        assertTrue(of(fs, "haproxy-bare-tcp-check").isEmpty());
        baseline();
        assertTrue(of(lint(true), "haproxy-no-check").isEmpty());
    }

    /** Like lint(true), with db1's haproxy.cfg rewritten. */
    private List<Finding> lintWith(java.util.function.UnaryOperator<String> db1Haproxy) throws Exception {
        lint(true);
        Map<String, Path> dirs = dirsOfLastRun();
        Path cfg = dirs.get("db1").resolve("haproxy.cfg");
        Files.writeString(cfg, db1Haproxy.apply(Files.readString(cfg)));
        return Lint.run(dirs);
    }

    @Test
    void noShutdownSessions() throws Exception {
        db1.put("omd", "");
        assertEquals("db1", only(lint(true), "haproxy-no-shutdown-sessions").node());
        baseline();
        assertTrue(of(lint(true), "haproxy-no-shutdown-sessions").isEmpty());
    }

    @Test
    void roundrobinToBothMasters() throws Exception {
        db1.put("balance", "roundrobin");
        db1.put("backup", "");
        Finding f = only(lint(true), "haproxy-writes-to-both-masters");
        assertTrue(f.fix().contains("backup"));
        assertTrue(f.proof().matches(".*answered by db1 \\d+ times and db2 \\d+ times: both masters take writes.*"), f.proof());
        db1.put("backup", "backup");
        assertTrue(of(lint(true), "haproxy-writes-to-both-masters").isEmpty(), "roundrobin with one active server is fine");
    }

    @Test
    void bindingTheVipNeedsNonlocalBind() throws Exception {
        db1.put("bind", "10.9.8.120:6039");
        Finding f = only(lint(true), "haproxy-binds-vip");
        assertTrue(f.message().contains("10.9.8.120:6039"));
        db1.put("sysctl", "net.ipv4.ip_nonlocal_bind = 1\n");
        assertTrue(of(lint(true), "haproxy-binds-vip").isEmpty());
        db1.remove("sysctl");
        db1.put("bind", "*:6039");
        assertTrue(of(lint(true), "haproxy-binds-vip").isEmpty());
    }

    @Test
    void theTutorialsMode1IsFlaggedWithTheDocumentedArithmetic() throws Exception {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("db1", Path.of("samples/configs/mode1/db1"));
        m.put("db2", Path.of("samples/configs/mode1/db2"));
        List<Finding> fs = Lint.run(m);
        assertTrue(Lint.hasErrors(fs));
        assertTrue(only(fs, "weight-too-small").message().contains("100 − 5 = 95 ≥ 90"));
        only(fs, "script-stops-keepalived");
        only(fs, "process-name-mysqld");
        only(fs, "script-always-exits-zero");
        Map<String, Path> r = new LinkedHashMap<>();
        r.put("db1", Path.of("samples/configs/mode1-recommended/db1"));
        r.put("db2", Path.of("samples/configs/mode1-recommended/db2"));
        Lint.Report rep = Lint.report(r);
        // the recommended config is told only what its settings allow: 0-2 s to the next check, a second failed
        // check (fall 2) 2 s, a refused query 15 ms, Skew(90) 648 ms and the client's next connect 0-0.1 s
        assertEquals(List.of("failover-budget", "failover-budget-silent"), rep.findings().stream().map(Finding::rule).toList());
        assertTrue(rep.findings().get(0).message().endsWith("clients can be down up to 4.763 s with these settings"), rep.findings().get(0).message());
        assertFalse(rep.hasErrors());
        assertEquals("10.9.8.120", rep.imported().topology().vip);
    }
}
