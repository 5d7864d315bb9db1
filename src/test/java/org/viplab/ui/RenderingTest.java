package org.viplab.ui;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.config.ConfigRenderer;
import org.viplab.ui.config.ConfigView;
import org.viplab.ui.events.EventText;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Config files, event texts and the clock, as the views show them. No window needed. */
class RenderingTest {
    @Test
    void mode1KeepalivedConfAndScriptReadLikeTheTutorials() {
        Topology t = Presets.mode1();
        String conf = ConfigRenderer.keepalived(t, t.node("db1"));
        assertTrue(conf.contains("vrrp_script check_haproxy {\n    script \"/etc/keepalived/check_mysql.sh\"\n    interval 3\n    weight -5\n}"), conf);
        assertTrue(conf.contains("    state MASTER\n"), conf);
        assertTrue(conf.contains("    priority 100\n"), conf);
        assertTrue(conf.contains("    advert_int 1\n"), conf);
        assertTrue(conf.contains("    virtual_ipaddress {\n        10.9.8.120 dev eth0\n    }"), conf);
        assertFalse(conf.contains("nopreempt"));
        assertTrue(ConfigRenderer.keepalived(t, t.node("db2")).contains("    priority 90\n"));
        String script = ConfigRenderer.script(t.node("db1").keepalived.scripts.get(0));
        assertTrue(script.contains("if [ $(ps -C mysqld --no-header | wc -l) -eq 0 ]; then\n    service keepalived stop\nfi"), script);
        assertFalse(ConfigView.allFiles(t, t.node("db1")).contains("haproxy.cfg"), "mode 1 has no haproxy");
        assertTrue(ConfigView.allFiles(t, t.node("db1")).contains("# /etc/keepalived/check_mysql.sh\n#!/bin/bash"));
    }

    @Test
    void editsShowUpInTheRenderedFiles() {
        Topology t = Presets.mode2();
        t.node("db2").keepalived.nopreempt = true;
        t.node("db2").keepalived.vrrpVersion = 3;
        t.node("db2").keepalived.advertIntSec = 0.5;
        HaproxySpec h = t.node("db2").haproxy;
        h.checkType = HaproxySpec.CheckType.MYSQL;
        h.interMs = 1000;
        String all = ConfigView.allFiles(t, t.node("db2"));
        assertTrue(all.contains("    nopreempt\n") && all.contains("   vrrp_version 3\n") && all.contains("    advert_int 0.5\n"), all);
        assertTrue(all.contains("option mysql-check"), all);
        assertTrue(all.contains("default-server inter 1s fall 3 rise 2") && all.contains("server db1 10.9.8.201:3306 check"), all);
    }

    @Test
    void clockAndTimesAndCsvQuoting() {
        assertEquals("+00:00:00.0", EventText.clock(0));
        assertEquals("+00:01:02.3", EventText.clock(62_345_678));
        assertEquals("-00:00:03.1", EventText.clock(-3_182_374));
        assertEquals("+25:00:00.0", EventText.clock(90_000_000_000L));
        assertEquals("12.346", EventText.time(12_345_678), "rounded to the millisecond");
        assertEquals("-0.182", EventText.time(-182_374));
        assertEquals("plain", EventText.csv("plain"));
        assertEquals("\"a, b\"", EventText.csv("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", EventText.csv("say \"hi\""));
    }

    @Test
    void eventDetailsInBothLanguages() {
        I18n i18n = new I18n(Locale.ENGLISH);
        LabEvent stop = new LabEvent.ActionApplied(0, "stop", "db1/mysqld", "user");
        LabEvent probe = new LabEvent.ClientProbe(0, false, 1_000_000, "", LabEvent.ProbeFailure.TIMEOUT);
        assertEquals("stop db1/mysqld (by user)", EventText.details(i18n, stop));
        assertEquals("query failed: timed out after 1s", EventText.details(i18n, probe));
        assertEquals("client probe", EventText.kind(i18n, "probe"));
        assertEquals("db1", stop.host());
        assertEquals("user", EventText.source(stop));
        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("stop db1/mysqld（执行者 user）", EventText.details(i18n, stop));
        assertEquals("查询失败：超时，用时 1s", EventText.details(i18n, probe));
        assertEquals("客户端探测", EventText.kind(i18n, "probe"));
        i18n.setLocale(Locale.CHINA);
        assertEquals(I18n.CHINESE, i18n.locale(), "any Chinese locale maps to Simplified Chinese");
        i18n.setLocale(Locale.GERMAN);
        assertEquals(I18n.ENGLISH, i18n.locale(), "unsupported languages fall back to English");
    }
}
