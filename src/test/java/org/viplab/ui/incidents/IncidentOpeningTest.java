package org.viplab.ui.incidents;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Topology;
import org.viplab.lab.Engine;
import org.viplab.replay.IncidentRequest;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The work behind File > Open incident…, without a window. */
class IncidentOpeningTest {
    private static final Path DIR = Path.of("src", "test", "resources", "fixtures", "lab-2026-12-06-mysql-stop");

    private static IncidentRequest request() {
        return new IncidentRequest(Map.of("db1", List.of(DIR.resolve("keepalived-db1.log"), DIR.resolve("mon-db1.log")),
                "db2", List.of(DIR.resolve("keepalived-db2.log"), DIR.resolve("mon-db2.log"))),
                List.of(DIR.resolve("vrrp.pcap")), List.of(), ZoneOffset.UTC, Map.of());
    }

    @Test
    void withTheHostsConfigsTheRunCarriesTheirSettings() throws Exception {
        Map<String, Path> configs = new java.util.LinkedHashMap<>(); // in drawing order, as the dialog gives them
        configs.put("db1", Path.of("samples/configs/mode1-recommended/db1"));
        configs.put("db2", Path.of("samples/configs/mode1-recommended/db2"));
        IncidentOpening.Opened o = new IncidentOpening(() -> Locale.ENGLISH).open(new IncidentOpening.Inputs(request(), configs), (f, n) -> { });
        Topology t = o.topology();
        assertThat(t.nodeNames()).containsExactly("db1", "db2");
        // mode1-recommended: both BACKUP with nopreempt (the preset the evidence points to would be the tutorial's mode 1)
        assertThat(t.nodes).allMatch(n -> n.keepalived.nopreempt);
        assertThat(o.run().snapshot().get().engine()).isEqualTo(Engine.INCIDENT);
    }

    @Test
    void withoutConfigsTheRunIsTheTutorialsModeTheEvidencePointsToNamedAfterTheHosts() throws Exception {
        IncidentOpening.Opened o = new IncidentOpening(() -> Locale.ENGLISH).open(new IncidentOpening.Inputs(request(), Map.of()), (f, n) -> { });
        assertThat(o.topology().nodeNames()).containsExactly("db1", "db2");
        assertThat(o.topology().nodes).noneMatch(n -> n.keepalived.nopreempt);
        assertThat(o.topology().vip).isEqualTo("10.9.8.120");
        assertThat(o.failovers()).isEqualTo(1);
    }

    @Test
    void aBrokenConfigIsNamedWithItsFileAndLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path db1 = java.nio.file.Files.createDirectories(tmp.resolve("db1"));
        java.nio.file.Files.writeString(db1.resolve("keepalived.conf"), "vrrp_instance VI_1 {\n    priority high\n}\n");
        Map<String, Path> configs = Map.of("db1", db1, "db2", Path.of("samples/configs/mode1/db2"));
        assertThatThrownBy(() -> new IncidentOpening(() -> Locale.ENGLISH).open(new IncidentOpening.Inputs(request(), configs), (f, n) -> { }))
                .isInstanceOf(IncidentOpening.ConfigFailed.class).hasMessageContaining(db1.resolve("keepalived.conf") + ":2");
    }

    @Test
    void everyKeyOfTheDialogIsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/org/viplab/i18n/messages.properties");
             var b = new java.io.InputStreamReader(getClass().getResourceAsStream("/org/viplab/i18n/messages_zh_CN.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            en.load(a);
            zh.load(b);
        }
        java.util.Set<String> enKeys = new java.util.TreeSet<>();
        java.util.Set<String> zhKeys = new java.util.TreeSet<>();
        for (String k : en.stringPropertyNames()) if (k.startsWith("incident.")) enKeys.add(k);
        for (String k : zh.stringPropertyNames()) if (k.startsWith("incident.")) zhKeys.add(k);
        assertThat(enKeys).hasSizeGreaterThan(30).isEqualTo(zhKeys);
        for (String k : List.of("menu.file.openIncident", "status.engineIncident", "clock.incident", "why.title.inferred")) {
            assertThat(zh.getProperty(k)).as(k).isNotBlank().isNotEqualTo(en.getProperty(k));
        }
        String code = java.nio.file.Files.readString(Path.of("src/main/java/org/viplab/ui/incidents/IncidentDialog.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(incident\\.[a-zA-Z.]+)\"").matcher(code);
        int named = 0;
        while (m.find()) {
            if (m.group(1).endsWith(".")) continue;
            named++;
            assertThat(enKeys).as("the dialog names %s", m.group(1)).contains(m.group(1));
        }
        assertThat(named).isGreaterThan(20);
    }
}
