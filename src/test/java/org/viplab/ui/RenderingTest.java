package org.viplab.ui;

import org.viplab.core.timeline.Actor;
import org.junit.jupiter.api.Test;
import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.Presets;
import org.viplab.core.model.Topology;
import org.viplab.core.timeline.LabEvent;
import org.viplab.ui.common.I18n;
import org.viplab.config.ConfigRenderer;
import org.viplab.ui.config.ConfigView;
import org.viplab.core.text.EventFormatter;

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
    void eventDetailsFollowTheWindowsLanguage() {
        I18n i18n = new I18n(Locale.ENGLISH);
        LabEvent stop = new LabEvent.ActionApplied(0, "stop", "db1/mysqld", Actor.USER);
        LabEvent probe = new LabEvent.ClientProbe(0, false, 1_000_000, "", LabEvent.ProbeFailure.TIMEOUT);
        assertEquals("stop db1/mysqld (by user)", EventFormatter.of(i18n.locale()).details(stop));
        assertEquals("query failed: timed out after 1 s", EventFormatter.of(i18n.locale()).details(probe));
        assertEquals("db1", stop.host());
        i18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("停止 db1/mysqld（执行者：用户）", EventFormatter.of(i18n.locale()).details(stop));
        assertEquals("查询失败：超时，用时 1 秒", EventFormatter.of(i18n.locale()).details(probe));
        assertEquals("客户端探测", EventFormatter.of(i18n.locale()).kind("probe"));
        i18n.setLocale(Locale.CHINA);
        assertEquals(I18n.CHINESE, i18n.locale(), "any Chinese locale maps to Simplified Chinese");
        i18n.setLocale(Locale.GERMAN);
        assertEquals(I18n.ENGLISH, i18n.locale(), "unsupported languages fall back to English");
    }
}
