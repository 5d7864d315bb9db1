package org.viplab.ui.hosts;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.viplab.core.model.ProcessKind;
import org.viplab.lab.hosts.Inventory;


/**
 * One host of the "Connect to hosts…" form as editable properties (the view binds to them). Text fields stay
 * text here, so a half-typed port is kept as typed and reported, never silently replaced.
 */
final class HostModel {
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty("22");
    final StringProperty user = new SimpleStringProperty("root");
    /** "key", "agent" or "password", as in the inventory. */
    final StringProperty auth = new SimpleStringProperty("key");
    final StringProperty keyFile = new SimpleStringProperty("");
    /** Never written anywhere: handed to the engine as char[] when the user connects. */
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty iface = new SimpleStringProperty("eth0");
    final BooleanProperty sudo = new SimpleBooleanProperty();
    /** "sysv", "systemd" or "custom", as in the inventory. */
    final StringProperty services = new SimpleStringProperty("sysv");
    final StringProperty mysqldService = new SimpleStringProperty("mysql");
    final StringProperty haproxyService = new SimpleStringProperty("haproxy");
    final StringProperty keepalivedService = new SimpleStringProperty("keepalived");
    /** A file path, or "journal". */
    final StringProperty keepalivedLog = new SimpleStringProperty("/var/log/keepalived.log");
    final StringProperty haproxyStats = new SimpleStringProperty("/var/lib/haproxy/stats");
    /** Per-action commands, e.g. "stop mysqld" → "systemctl stop mariadb"; the extractor makes edits visible to listeners. */
    final ObservableList<Override> overrides = FXCollections.observableArrayList(o -> new Observable[]{o.action, o.command});

    /** One command override. */
    static final class Override {
        final StringProperty action;
        final StringProperty command;

        Override(String action, String command) {
            this.action = new SimpleStringProperty(action);
            this.command = new SimpleStringProperty(command);
        }

        String action() { return action.get(); }

        String command() { return command.get(); }
    }

    /** Everything a change of which changes the inventory, the problems or the preview. */
    Observable[] observables() {
        return new Observable[]{name, address, port, user, auth, keyFile, password, iface, sudo, services,
                mysqldService, haproxyService, keepalivedService, keepalivedLog, haproxyStats, overrides};
    }

    void load(Inventory.Host h) {
        name.set(nz(h.name));
        address.set(nz(h.address));
        port.set(Integer.toString(h.port));
        user.set(nz(h.user));
        auth.set(h.auth == null ? "key" : h.auth);
        keyFile.set(nz(h.keyFile));
        iface.set(nz(h.iface));
        sudo.set(h.sudo);
        services.set(h.services == null ? "sysv" : h.services);
        mysqldService.set(h.serviceName(ProcessKind.MYSQLD));
        haproxyService.set(h.serviceName(ProcessKind.HAPROXY));
        keepalivedService.set(h.serviceName(ProcessKind.KEEPALIVED));
        keepalivedLog.set(nz(h.keepalivedLog));
        haproxyStats.set(nz(h.haproxyStats));
        overrides.clear();
        if (h.commands != null) h.commands.forEach((k, v) -> overrides.add(new Override(k, v)));
        // A password belongs to the session, not to the file: loading another file keeps the one typed.
    }

    /** The inventory entry as typed; a port that is not a number becomes -1 (reported by the problems). */
    Inventory.Host toHost() {
        Inventory.Host h = new Inventory.Host();
        h.name = name.get().trim();
        h.address = address.get().trim();
        h.port = parsePort(port.get());
        h.user = user.get().trim();
        h.auth = auth.get();
        h.keyFile = auth.get().equals("key") && !keyFile.get().isBlank() ? keyFile.get().trim() : null;
        h.iface = iface.get().trim();
        h.sudo = sudo.get();
        h.services = services.get();
        h.serviceNames.put(ProcessKind.MYSQLD.id(), mysqldService.get().trim());
        h.serviceNames.put(ProcessKind.HAPROXY.id(), haproxyService.get().trim());
        h.serviceNames.put(ProcessKind.KEEPALIVED.id(), keepalivedService.get().trim());
        h.keepalivedLog = keepalivedLog.get().trim();
        h.haproxyStats = haproxyStats.get().trim();
        for (Override o : overrides) {
            // A row left empty overrides nothing: the template applies.
            if (o.command() != null && !o.command().isBlank()) h.commands.put(o.action(), o.command().strip());
        }
        return h;
    }

    /** The password as char[] (a copy the engine may clear), or null when this host does not use one. */
    char[] passwordChars() {
        return auth.get().equals("password") ? password.get().toCharArray() : null;
    }

    /** Sets or replaces the override for {@code action}; a blank command removes it. */
    void setOverride(String action, String command) {
        Override existing = overrides.stream().filter(o -> o.action().equals(action)).findFirst().orElse(null);
        if (command == null || command.isBlank()) {
            if (existing != null) overrides.remove(existing);
        } else if (existing != null) {
            existing.command.set(command);
        } else {
            overrides.add(new Override(action, command));
        }
    }

    static int parsePort(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[0-9]{1,9}")) return -1;
        return Integer.parseInt(t);
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
