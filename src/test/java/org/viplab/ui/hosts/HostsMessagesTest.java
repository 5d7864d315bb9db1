package org.viplab.ui.hosts;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every "hosts." text the dialogs ask for exists in English and in Chinese, and the two have the same keys. */
class HostsMessagesTest {
    static final Path BUNDLES = Path.of("src/main/resources/org/viplab/i18n");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static TreeSet<String> hostsKeys(Properties p) {
        TreeSet<String> s = new TreeSet<>();
        for (String k : p.stringPropertyNames()) if (k.startsWith("hosts.")) s.add(k);
        return s;
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertEquals(hostsKeys(en), hostsKeys(zh), "same hosts.* keys in English and Chinese");

        List<String> used = new ArrayList<>();
        Pattern literal = Pattern.compile("\"(hosts\\.[A-Za-z0-9_.-]+[A-Za-z0-9])\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/viplab/ui/hosts"))) {
            for (Path f : files.toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        }
        // Keys built from a prefix and a value.
        for (String a : HostPane.AUTHS) used.add("hosts.auth." + a);
        for (String s : HostPane.STYLES) used.add("hosts.style." + s);
        for (String p : Presets.names()) used.add("hosts.preset." + p);
        assertTrue(used.size() > 60, "found the keys in the sources: " + used.size());
        for (String k : used) {
            assertTrue(en.containsKey(k), "English lacks " + k);
            assertTrue(zh.containsKey(k), "Chinese lacks " + k);
        }
    }
}
