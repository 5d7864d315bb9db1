package org.viplab.ui.main;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.junit.jupiter.api.Test;
import org.viplab.ui.main.MenuSections.Section;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Features add menu items by section, in any order; the menu keeps the sections' order and separates them. */
class MenuSectionsTest {
    private static MenuItem item(String id) {
        MenuItem i = new MenuItem(id);
        i.setId(id);
        return i;
    }

    private static List<String> ids(Menu m) {
        return m.getItems().stream().map(i -> i instanceof SeparatorMenuItem ? "--" : i.getId()).toList();
    }

    @Test
    void itemsLandInTheirSectionWhoeverAddsThemAndWhen() {
        MenuSections sections = new MenuSections();
        Menu file = new Menu("File");
        sections.attach(file, Section.FILE_IMPORT, Section.FILE_SESSIONS, Section.FILE_EXPORT, Section.FILE_QUIT);
        sections.add(Section.FILE_EXPORT, item("csv"), item("png"));
        sections.add(Section.FILE_QUIT, item("quit"));
        assertEquals(List.of("csv", "png", "--", "quit"), ids(file), "empty sections take no separator");
        sections.add(Section.FILE_IMPORT, item("import"));
        sections.add(Section.FILE_EXPORT, item("report"));
        assertEquals(List.of("import", "--", "csv", "png", "report", "--", "quit"), ids(file));
    }
}
