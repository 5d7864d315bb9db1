package org.viplab.ui;

import javafx.css.CssParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every stylesheet parses without an error: a lost brace (a bad merge) silently drops the rules after it. */
class StylesheetTest {
    @ParameterizedTest
    @ValueSource(strings = {"/org/viplab/ui/viplab.css", "/org/viplab/ui/hosts/hosts.css", "/org/viplab/ui/findings/findings.css",
            "/org/viplab/ui/imports/import.css"})
    void parsesCleanly(String name) throws Exception {
        URL url = StylesheetTest.class.getResource(name);
        assertNotNull(url, name);
        CssParser.errorsProperty().clear();
        new CssParser().parse(url);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertEquals(List.of(), errors, name);
    }
}
