package org.viplab.ui.hosts;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.FxWait;
import org.viplab.ui.common.I18n;
import org.viplab.ui.settings.Theme;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Connect to hosts…" driven headless: the form, its checks, its files and its command preview. */
@ExtendWith(ApplicationExtension.class)
class HostsDialogTest {
    static {
        System.setProperty("headless.geometry", "2400x1400-32");
    }

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir
    Path tmp;
    private Stage stage;
    private I18n i18n;
    private HostsDialog d;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        i18n = new I18n(I18n.ENGLISH);
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) if (w != stage && w instanceof Stage s) s.close();
            return null;
        });
    }

    private <T> T fx(Callable<T> c) throws Exception { return FxWait.fx(c, 10); }

    private void run(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Two hosts on the tutorial's addresses with a key file that exists. */
    private Inventory inventory() throws Exception {
        Path key = Files.writeString(tmp.resolve("id_test"), "not really a key\n");
        Inventory inv = new Inventory();
        for (String[] h : new String[][]{{"db1", "10.9.8.201"}, {"db2", "10.9.8.223"}}) {
            Inventory.Host host = new Inventory.Host();
            host.name = h[0];
            host.address = h[1];
            host.keyFile = key.toString();
            inv.hosts.add(host);
        }
        return inv;
    }

    private HostsDialog open(Inventory inv) throws Exception {
        d = fx(() -> {
            HostsDialog dialog = new HostsDialog(stage, i18n, org.viplab.app.AppRoot.hostsContext(), inv, null);
            dialog.dialog().show();
            return dialog;
        });
        return d;
    }

    private <T extends Node> T in(String selector) throws Exception {
        @SuppressWarnings("unchecked")
        T n = (T) fx(() -> d.dialog().getDialogPane().lookup(selector));
        assertNotNull(n, "no " + selector + " in the dialog");
        return n;
    }

    private void set(String id, String text) throws Exception {
        TextField f = in("#" + id);
        run(() -> f.setText(text));
    }

    private boolean connectDisabled() throws Exception {
        Button b = in("#hosts-connect");
        return fx(b::isDisabled);
    }

    private String problemLabel() throws Exception {
        Label l = in("#hosts-problem");
        return fx(l::getText);
    }

    @Test
    void fillingTheFormGivesTheInventoryAndThePasswordsButTheFileNeverHoldsAPassword(FxRobot robot) throws Exception {
        open(inventory());
        assertFalse(connectDisabled(), "the given inventory is valid: " + fx(d::problems));
        ComboBox<String> preset = in("#hosts-preset");
        run(() -> preset.setValue("mode2"));
        assertEquals("6039", fx(() -> ((TextField) in("#hosts-client-port")).getText()), "the client port follows the preset");

        // host 1: renamed, password login, systemd with MariaDB's unit, its own stop command
        robot.doubleClickOn((Node) in("#hosts-h0-name")).write("dbA");
        RadioButton pw = in("#hosts-h0-auth-password");
        robot.clickOn(pw);
        assertTrue(connectDisabled(), "password login without the password blocks Connect");
        assertTrue(problemLabel().contains("dbA: password authentication needs the password"), problemLabel());
        robot.clickOn((Node) in("#hosts-h0-password")).write("s3cret pw");
        ComboBox<String> style = in("#hosts-h0-services");
        run(() -> style.setValue("systemd"));
        set("hosts-h0-mysqldService", "mariadb");
        ComboBox<String> action = in("#hosts-h0-override-action");
        run(() -> action.setValue("hang mysqld"));
        robot.clickOn((Node) in("#hosts-h0-override-command")).write("systemctl kill -s STOP mariadb").type(KeyCode.ENTER);
        assertTrue(fx(() -> d.dialog().isShowing()), "Enter in the override field sets the override, it does not connect");
        // host 2: sudo, the journal, over agent
        run(() -> d.selectHost(1));
        robot.clickOn((Node) in("#hosts-h1-sudo"));
        robot.clickOn((Node) in("#hosts-h1-auth-agent"));
        set("hosts-h1-keepalivedLog", "journal");

        assertFalse(connectDisabled(), fx(d::problems).toString());
        // Saved with the password typed in the form: the file has the login method, never the password.
        Path saved = tmp.resolve("saved.json");
        assertTrue(fx(() -> d.saveAs(saved)));
        String json = Files.readString(saved);
        assertFalse(json.contains("s3cret"), json);
        assertEquals("password", Inventory.read(saved).hosts.get(0).auth, "the file says password login, without the password");

        robot.clickOn((Node) in("#hosts-connect"));
        FxWait.until("the dialog closes", 5, () -> fx(() -> !d.dialog().isShowing()));
        HostsDialog.Result r = fx(() -> d.dialog().getResult());
        assertNotNull(r, "Connect gives a result");
        Inventory inv = r.inventory();
        assertEquals("mode2", inv.preset);
        assertEquals(6039, inv.clientPort);
        assertEquals(List.of("dbA", "db2"), inv.hostNames());
        Inventory.Host a = inv.hosts.get(0);
        Inventory.Host b = inv.hosts.get(1);
        assertEquals("password", a.auth);
        assertNull(a.keyFile, "no key file is kept for password login");
        assertEquals("systemd", a.services);
        assertEquals("mariadb", a.serviceNames.get("mysqld"));
        assertEquals(Map.of("hang mysqld", "systemctl kill -s STOP mariadb"), a.commands);
        assertFalse(a.sudo);
        assertEquals("agent", b.auth);
        assertTrue(b.sudo);
        assertEquals("journal", b.keepalivedLog);
        assertEquals("sysv", b.services);
        assertEquals(List.of("dbA"), List.copyOf(r.passwords().keySet()), "only the password host has a password");
        assertArrayEquals("s3cret pw".toCharArray(), r.passwords().get("dbA"));
        assertEquals("", fx(() -> ((TextField) in("#hosts-h0-password")).getText()), "the closed form keeps no password");
        assertArrayEquals("s3cret pw".toCharArray(), r.passwords().get("dbA"), "the result's copy is untouched");
        assertEquals(saved, r.file(), "the file last saved");

    }

    @Test
    void anInvalidFieldDisablesConnectAndNamesTheProblemUntilFixed(FxRobot robot) throws Exception {
        open(inventory());
        assertFalse(connectDisabled());
        assertEquals("", problemLabel());
        Object[][] cases = {
                {"hosts-h0-address", "", "db1: the address is missing"},
                {"hosts-h1-name", "db-2", "db-2: a name may hold letters, digits, '_' and '.' only (no '-')"},
                {"hosts-h0-port", "70000", "db1: the SSH port must be 1 to 65535"},
                {"hosts-h1-keyFile", "", "db2: key authentication needs a key file"},
                {"hosts-h1-keyFile", tmp.resolve("nope").toString(), "db2: the key file " + tmp.resolve("nope") + " does not exist"},
                {"hosts-vip", "10.9.8.300", "the VIP 10.9.8.300 is not an IP address"},
                {"hosts-client-port", "0", "the client port must be 1 to 65535"},
        };
        for (Object[] c : cases) {
            String id = (String) c[0];
            TextField f = in("#" + id);
            String before = fx(f::getText);
            run(() -> f.setText((String) c[1]));
            assertTrue(connectDisabled(), id + " = " + c[1] + " must block Connect");
            assertEquals("Cannot connect yet: " + c[2], problemLabel());
            FxWait.until(id + " is marked", 5, () -> fx(() -> f.getStyleClass().contains("error")));
            run(() -> f.setText(before));
            assertFalse(connectDisabled(), "fixed " + id + ": " + fx(d::problems));
            assertEquals("", problemLabel());
            FxWait.until(id + " is unmarked", 5, () -> fx(() -> !f.getStyleClass().contains("error")));
        }
        // Two problems at once: the first is named and the rest counted.
        set("hosts-h0-address", "");
        set("hosts-h0-user", "");
        assertEquals("Cannot connect yet: db1: the address is missing (and 1 more)", problemLabel());
        assertEquals(List.of("db1: the address is missing", "db1: the user is missing"), fx(d::problems));
        // Clicking the reason goes to the field, on its host's tab.
        set("hosts-h0-address", "10.9.8.201");
        set("hosts-h0-user", "root");
        set("hosts-h1-iface", "eth 0");
        assertEquals("Cannot connect yet: db2: the interface is not an interface name", problemLabel());
        robot.clickOn((Node) in("#hosts-problem"));
        FxWait.until("db2's interface field has the focus", 5, () -> fx(() -> d.dialog().getDialogPane().getScene().getFocusOwner() == in("#hosts-h1-iface")));
        assertEquals(1, (int) fx(() -> ((TabPane) in("#hosts-tabs")).getSelectionModel().getSelectedIndex()));
        set("hosts-h1-iface", "eth0");
        set("hosts-h0-address", "");
        set("hosts-h0-user", "");
        // The tab of a host with a problem carries a mark.
        TabPane tabs = in("#hosts-tabs");
        assertNotNull(fx(() -> tabs.getTabs().get(0).getGraphic()), "db1's tab is marked");
        assertNull(fx(() -> tabs.getTabs().get(1).getGraphic()), "db2's is not");
    }

    @Test
    void enterConnectsWhenValidAndEscapeCancels(FxRobot robot) throws Exception {
        open(inventory());
        set("hosts-h0-address", "");
        robot.clickOn((Node) in("#hosts-vip")).type(KeyCode.ENTER);
        assertTrue(fx(() -> d.dialog().isShowing()), "Enter does nothing while Connect is disabled");
        set("hosts-h0-address", "10.9.8.201");
        robot.clickOn((Node) in("#hosts-vip")).type(KeyCode.ENTER);
        FxWait.until("Enter connects", 5, () -> fx(() -> !d.dialog().isShowing()));
        assertEquals("10.9.8.201", fx(() -> d.dialog().getResult().inventory().hosts.get(0).address));

        open(inventory());
        robot.clickOn((Node) in("#hosts-vip")).type(KeyCode.ESCAPE);
        FxWait.until("Escape cancels", 5, () -> fx(() -> !d.dialog().isShowing()));
        assertNull(fx(() -> d.dialog().getResult()));
    }

    @Test
    void withoutAnInventoryItStartsFromTheRunningLabOrTheTutorialsHosts() throws Exception {
        HostsDialog fresh = fx(() -> new HostsDialog(stage, i18n, org.viplab.app.AppRoot.hostsContext(), null, null));
        Inventory inv = fx(fresh::inventory);
        Path lab = org.viplab.app.AppRoot.hostsContext().labInventory();
        if (lab != null) {
            assertEquals(com.google.gson.JsonParser.parseString(Inventory.read(lab).toJson()), com.google.gson.JsonParser.parseString(inv.toJson()),
                    "the running lab's inventory");
            assertEquals(lab, fx(fresh::file));
        } else {
            assertEquals("mode1", inv.preset);
            assertEquals("10.9.8.120", inv.vip);
            assertEquals(3306, inv.clientPort);
            assertEquals(List.of("db1", "db2"), inv.hostNames());
            assertEquals(List.of("10.9.8.201", "10.9.8.223"), inv.hosts.stream().map(h -> h.address).toList());
            assertNull(fx(fresh::file));
        }
    }

    @Test
    void givenOnlyAFileItStartsFromThatFileAndABrokenOneIsReported() throws Exception {
        Inventory saved = inventory();
        saved.vip = "10.77.0.1";
        saved.hosts.get(1).services = "systemd";
        Path file = tmp.resolve("given.json");
        saved.write(file);
        HostsDialog given = fx(() -> new HostsDialog(stage, i18n, org.viplab.app.AppRoot.hostsContext(), null, file));
        assertEquals(saved.toJson(), fx(given::inventory).toJson());
        assertEquals(file, fx(given::file));
        assertEquals("", fx(() -> given.errorProperty().get()));

        Path broken = Files.writeString(tmp.resolve("broken.json"), "[1, 2");
        HostsDialog fallback = fx(() -> new HostsDialog(stage, i18n, org.viplab.app.AppRoot.hostsContext(), null, broken));
        assertTrue(fx(() -> fallback.errorProperty().get()).startsWith("Cannot open " + broken + ": "), fx(() -> fallback.errorProperty().get()));
        assertEquals(List.of("db1", "db2"), fx(fallback::inventory).hostNames(), "the form starts from the defaults instead");
        assertTrue(fx(fallback::file) == null || fx(fallback::file).equals(org.viplab.app.AppRoot.hostsContext().labInventory()), "the broken file is not the form's file");
    }

    @Test
    void overridesAreEditedInTheTableAndRemoved(FxRobot robot) throws Exception {
        open(inventory());
        ComboBox<String> action = in("#hosts-h0-override-action");
        run(() -> action.setValue("restart keepalived"));
        robot.clickOn((Node) in("#hosts-h0-override-command")).write("systemctl restart keepalived.service");
        robot.clickOn((Node) in("#hosts-h0-override-set"));
        assertTrue(fx(d::previewText).contains("db1$ systemctl restart keepalived.service"), fx(d::previewText));
        // Setting the same action again replaces the command rather than adding a row.
        run(() -> action.setValue("restart keepalived"));
        robot.clickOn((Node) in("#hosts-h0-override-command")).write("/usr/local/bin/ka-restart");
        robot.clickOn((Node) in("#hosts-h0-override-set"));
        javafx.scene.control.TableView<?> table = in("#hosts-h0-overrides");
        assertEquals(1, (int) fx(() -> table.getItems().size()));
        assertEquals(Map.of("restart keepalived", "/usr/local/bin/ka-restart"), fx(d::inventory).hosts.get(0).commands);

        // Double-click the command cell, retype, Enter: the edit reaches the inventory and the preview.
        Node cell = fx(() -> table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "/usr/local/bin/ka-restart".equals(c.getItem()))
                .findFirst().orElseThrow());
        robot.doubleClickOn(cell);
        FxWait.until("the cell edits", 5, () -> fx(() -> table.getEditingCell() != null));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("/opt/ka/restart now").type(KeyCode.ENTER);
        FxWait.until("the edit is committed", 5, () -> fx(() -> d.inventory().hosts.get(0).commands.get("restart keepalived"))
                .equals("/opt/ka/restart now"));
        assertTrue(fx(d::previewText).contains("db1$ /opt/ka/restart now"), fx(d::previewText));
        assertTrue(fx(() -> d.dialog().isShowing()), "Enter in the table commits the edit, it does not connect");

        run(() -> table.getSelectionModel().select(0));
        robot.clickOn((Node) in("#hosts-h0-override-remove"));
        assertEquals(Map.of(), fx(d::inventory).hosts.get(0).commands);
        assertTrue(fx(d::previewText).contains("db1$ service keepalived restart"), fx(d::previewText));
    }

    @Test
    void theClientPortFollowsThePresetUnlessTheUserChangedIt() throws Exception {
        open(inventory());
        ComboBox<String> preset = in("#hosts-preset");
        TextField port = in("#hosts-client-port");
        assertEquals("3306", fx(port::getText));
        run(() -> preset.setValue("mode2"));
        assertEquals("6039", fx(port::getText));
        run(() -> preset.setValue("mode1"));
        assertEquals("3306", fx(port::getText));
        run(() -> port.setText("4000"));
        run(() -> preset.setValue("mode2"));
        assertEquals("4000", fx(port::getText), "a port the user typed stays");
    }

    @Test
    void openingABrokenFileNamesItAndKeepsWhatWasTyped() throws Exception {
        open(inventory());
        set("hosts-vip", "10.0.0.99");
        set("hosts-h1-address", "192.168.7.7");
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{ \"hosts\": [ {\"name\": ");
        assertFalse(fx(() -> d.open(broken)));
        Label error = in("#hosts-error");
        String text = fx(error::getText);
        assertTrue(text.startsWith("Cannot open " + broken + ": not a valid inventory"), text);
        assertTrue(fx(error::isVisible));
        assertEquals("10.0.0.99", fx(() -> ((TextField) in("#hosts-vip")).getText()));
        assertEquals("192.168.7.7", fx(() -> ((TextField) in("#hosts-h1-address")).getText()));

        Path oneHost = Files.writeString(tmp.resolve("one.json"), "{\"vip\": \"10.1.1.1\", \"hosts\": [{\"name\": \"x\", \"address\": \"10.1.1.2\", \"auth\": \"agent\"}]}");
        assertFalse(fx(() -> d.open(oneHost)));
        assertEquals("Cannot open " + oneHost + ": needs exactly two hosts. Nothing in the form was changed.", fx(error::getText));
        assertFalse(fx(() -> d.open(tmp.resolve("missing.json"))));
        assertEquals("Cannot open " + tmp.resolve("missing.json") + ": no such file. Nothing in the form was changed.", fx(error::getText));
        assertEquals("10.0.0.99", fx(() -> ((TextField) in("#hosts-vip")).getText()));
    }

    @Test
    void saveThenOpenRoundTrips() throws Exception {
        open(inventory());
        set("hosts-vip", "10.0.0.99");
        ComboBox<String> style = in("#hosts-h1-services");
        run(() -> style.setValue("custom"));
        run(() -> d.model().hosts.get(1).setOverride("start mysqld", "/opt/db/bin/start 'a b'"));
        run(() -> d.model().hosts.get(1).setOverride("stop mysqld", "/opt/db/bin/stop"));
        Inventory before = fx(d::inventory);
        Path file = tmp.resolve("inv.json");
        assertTrue(fx(() -> d.saveAs(file)));
        assertEquals("Saved to " + file + " (passwords are never saved)", fx(() -> ((Label) in("#hosts-status")).getText()));
        assertEquals(file, fx(d::file));

        set("hosts-vip", "10.0.0.1");
        run(() -> style.setValue("sysv"));
        run(() -> d.model().hosts.get(1).overrides.clear());
        assertTrue(fx(() -> d.open(file)));
        assertEquals(before.toJson(), fx(d::inventory).toJson(), "the form is what was saved");
        assertEquals("custom", fx(style::getValue));
        assertEquals("", fx(() -> ((Label) in("#hosts-error")).getText()));
    }

    @Test
    void thePreviewShowsTheExactCommandsAsTheyAreEdited() throws Exception {
        open(inventory());
        String p = fx(d::previewText);
        assertTrue(p.contains("db1$ service mysql stop"), p);
        assertTrue(p.contains("db2$ service keepalived restart"), p);
        assertTrue(p.contains("db1$ pkill -9 -x 'mysqld|mariadbd'"), p);
        assertFalse(p.contains("start haproxy") || p.contains("haproxy start"), "mode 1 runs no haproxy: " + p);
        // the read-only watchers are listed too, exactly as the engine streams them
        assertTrue(p.contains("# watching, read-only"), p);
        assertTrue(p.contains("db1$ ip -ts -o monitor address"), p);
        assertTrue(p.contains("db1$ tcpdump -l -nn -tttt -i"), p);
        assertFalse(p.contains("socat"), "haproxy's stats only in mode 2: " + p);

        ComboBox<String> style = in("#hosts-h0-services");
        run(() -> style.setValue("systemd"));
        set("hosts-h0-mysqldService", "mariadb");
        p = fx(d::previewText);
        assertTrue(p.contains("db1$ systemctl stop mariadb"), p);
        assertTrue(p.contains("db2$ service mysql stop"), "the other host is unchanged: " + p);

        CheckBox sudo = in("#hosts-h1-sudo");
        run(sudo::fire); // on the tab not shown
        p = fx(d::previewText);
        assertTrue(p.contains("db2$ sudo -n service mysql stop"), p);
        assertTrue(p.contains("db2$ sudo -n pkill -STOP -x 'mysqld|mariadbd'"), p);
        assertTrue(p.contains("db2$ sudo -n tcpdump -l -nn -tttt -i"), "watchers get sudo too: " + p);

        run(() -> d.model().hosts.get(0).setOverride("stop mysqld", "systemctl stop mariadb --no-block"));
        p = fx(d::previewText);
        assertTrue(p.matches("(?s).*stop mysqld +db1\\$ systemctl stop mariadb --no-block\n.*"), p);

        ComboBox<String> preset = in("#hosts-preset");
        run(() -> preset.setValue("mode2"));
        assertTrue(fx(d::previewText).contains("db1$ systemctl start haproxy"), fx(d::previewText));
        assertTrue(fx(d::previewText).contains("socat stdio"), "mode 2 watches haproxy's stats: " + fx(d::previewText));

        Label missing = in("#hosts-preview-missing");
        assertFalse(fx(missing::isVisible));
        ComboBox<String> style2 = in("#hosts-h1-services");
        run(() -> style2.setValue("custom"));
        p = fx(d::previewText);
        assertTrue(p.contains("\u2717 no command: db2: no command for 'start mysqld' in the inventory (services: custom)"), p);
        // kill/hang/resume need no service: they stay signals; start, stop and restart of 3 processes are missing
        assertEquals("9 action(s) have no command and would fail: set them under Own commands", fx(missing::getText));
        assertTrue(fx(missing::isVisible));
        assertFalse(connectDisabled(), "missing custom commands warn, they do not block: a drill may not need them");
    }

    @Test
    void screenshotsInEnglishAndChinese() throws Exception {
        for (boolean zh : new boolean[]{false, true}) {
            run(() -> i18n.setLocale(zh ? I18n.CHINESE : I18n.ENGLISH));
            open(inventory());
            set("hosts-h0-address", "");
            ComboBox<String> style = in("#hosts-h0-services");
            run(() -> style.setValue("systemd"));
            run(() -> d.model().hosts.get(0).setOverride("stop mysqld", "systemctl stop mariadb"));
            FxWait.until("the address is marked", 5, () -> fx(() -> ((Node) in("#hosts-h0-address")).getStyleClass().contains("error")));
            snapshot(zh ? "hosts-dialog-zh.png" : "hosts-dialog.png");
            if (zh) {
                assertTrue(problemLabel().startsWith("暂不能连接：db1：缺少地址"), problemLabel());
                assertEquals("主机 1：db1", fx(() -> ((TabPane) in("#hosts-tabs")).getTabs().get(0).getText()));
            }
            run(() -> d.dialog().close());
        }
        // The dark theme: the same dialog with the messages shown (an error from Open as well).
        run(() -> i18n.setLocale(I18n.ENGLISH));
        run(Theme.DARK::apply);
        try {
            open(inventory());
            set("hosts-h0-address", "");
            Path broken = Files.writeString(tmp.resolve("broken.json"), "{");
            assertFalse(fx(() -> d.open(broken)));
            snapshot("hosts-dialog-dark.png");
            run(() -> d.dialog().close());
        } finally {
            run(Theme.LIGHT::apply);
        }
        // Switching the language with the dialog open relabels it.
        run(() -> i18n.setLocale(I18n.ENGLISH));
        open(inventory());
        set("hosts-h0-address", "");
        assertEquals("Cannot connect yet: db1: the address is missing", problemLabel());
        run(() -> i18n.setLocale(I18n.CHINESE));
        assertEquals("暂不能连接：db1：缺少地址", problemLabel());
        assertEquals("连接(_C)", fx(() -> ((Button) in("#hosts-connect")).getText()));
        run(() -> i18n.setLocale(I18n.ENGLISH));
    }

    private void snapshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        WritableImage img = fx(() -> d.dialog().getDialogPane().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
