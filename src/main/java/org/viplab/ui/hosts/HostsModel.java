package org.viplab.ui.hosts;

import org.viplab.core.util.BundleText;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.viplab.core.model.Mode;
import org.viplab.core.model.Presets;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.Topology;
import org.viplab.lab.hosts.Inventory;
import org.viplab.ui.common.I18n;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole "Connect to hosts…" form: the inventory being edited, what is wrong with it (worded for the
 * user, per field) and the commands it would run. Plain properties, so it is testable without a window;
 * the dialog binds its controls to them. FX thread only.
 */
final class HostsModel {
    /** What is wrong, and with which field ("vip", "h0.address", …), so the view can mark that field. */
    record Problem(String field, String text) { }

    private final I18n i18n;
    final StringProperty preset = new SimpleStringProperty("mode1");
    final StringProperty vip = new SimpleStringProperty("");
    final StringProperty clientPort = new SimpleStringProperty("3306");
    /** Empty: ~/.ssh/known_hosts. */
    final StringProperty knownHosts = new SimpleStringProperty("");
    final List<HostModel> hosts = List.of(new HostModel(), new HostModel());
    /** The file last opened or saved, or null. */
    final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<Problem>> problems = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<CommandPreview> preview = new ReadOnlyObjectWrapper<>();
    private final HostsContext context;

    HostsModel(I18n i18n, HostsContext context) {
        this.i18n = i18n;
        this.context = context;
        // The client port follows the preset's (3306 / 6039) unless the user typed another one.
        preset.addListener((o, old, now) -> {
            if (old != null && clientPort.get().trim().equals(Integer.toString(defaultClientPort(old)))) {
                clientPort.set(Integer.toString(defaultClientPort(now)));
            }
        });
        List<Observable> all = new ArrayList<>(List.of(preset, vip, clientPort, knownHosts, i18n.localeProperty()));
        for (HostModel h : hosts) all.addAll(List.of(h.observables()));
        for (Observable o : all) o.addListener(x -> recompute());
        recompute();
    }

    ReadOnlyObjectProperty<List<Problem>> problemsProperty() { return problems.getReadOnlyProperty(); }

    ReadOnlyObjectProperty<CommandPreview> previewProperty() { return preview.getReadOnlyProperty(); }

    List<Problem> problems() { return problems.get(); }

    /** The first problem of {@code field}, or null. */
    String problem(String field) {
        for (Problem p : problems.get()) if (p.field().equals(field)) return p.text();
        return null;
    }

    private void recompute() {
        Inventory inv = toInventory();
        problems.set(List.copyOf(check(inv)));
        preview.set(CommandPreview.of(context.engines(), inv, usesHaproxy(inv.preset)));
    }

    // ---- to and from the inventory ------------------------------------------------------------------

    void load(Inventory inv) {
        preset.set(inv.preset == null ? "mode1" : inv.preset);
        vip.set(inv.vip == null ? "" : inv.vip);
        clientPort.set(Integer.toString(inv.clientPort));
        knownHosts.set(inv.knownHosts == null ? "" : inv.knownHosts);
        for (int i = 0; i < hosts.size(); i++) {
            if (inv.hosts != null && i < inv.hosts.size()) hosts.get(i).load(inv.hosts.get(i));
        }
    }

    /** The inventory as typed (no password in it). */
    Inventory toInventory() {
        Inventory inv = new Inventory();
        inv.preset = preset.get();
        inv.vip = vip.get().trim();
        inv.clientPort = HostModel.parsePort(clientPort.get());
        inv.knownHosts = knownHosts.get().isBlank() ? null : knownHosts.get().trim();
        for (HostModel h : hosts) inv.hosts.add(h.toHost());
        return inv;
    }

    /** Host name to password, for the hosts that use password authentication. */
    Map<String, char[]> passwords() {
        Map<String, char[]> m = new LinkedHashMap<>();
        for (HostModel h : hosts) {
            char[] p = h.passwordChars();
            if (p != null) m.put(h.name.get().trim(), p);
        }
        return m;
    }

    /**
     * The running one-machine lab's inventory when there is one, else the tutorial's addresses (mode 1,
     * VIP 10.9.8.120) with the user's usual key when it exists, the ssh-agent otherwise.
     */
    static Inventory defaultInventory(HostsContext context) {
        Path lab = context.labInventory();
        if (lab != null) {
            try {
                return Inventory.read(lab);
            } catch (Exception e) {
                // A half-written or foreign file: fall back to the tutorial's values below.
            }
        }
        Topology t = Presets.mode1();
        Inventory inv = new Inventory();
        inv.preset = t.name;
        inv.vip = t.vip;
        inv.clientPort = t.effectiveClientPort();
        Path key = Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519");
        if (!Files.isRegularFile(key)) key = Path.of(System.getProperty("user.home"), ".ssh", "id_rsa");
        for (String name : t.nodeNames()) {
            Inventory.Host h = new Inventory.Host();
            h.name = name;
            h.address = t.node(name).ip;
            if (Files.isRegularFile(key)) {
                h.keyFile = key.toString();
            } else {
                h.auth = "agent";
            }
            inv.hosts.add(h);
        }
        return inv;
    }

    static int defaultClientPort(String preset) {
        Topology t = Presets.byName(preset);
        return t == null ? Mode.DB_TRACKING.defaultClientPort() : t.effectiveClientPort();
    }

    static boolean usesHaproxy(String preset) {
        Topology t = Presets.byName(preset);
        return t != null && t.mode == Mode.HAPROXY_TRACKING;
    }

    // ---- problems -----------------------------------------------------------------------------------

    private List<Problem> check(Inventory inv) {
        List<Problem> p = new ArrayList<>();
        if (Presets.byName(inv.preset) == null) p.add(new Problem("preset", i18n.get("hosts.problem.preset", inv.preset)));
        if (inv.vip.isEmpty()) {
            p.add(new Problem("vip", i18n.get("hosts.problem.vip.empty")));
        } else if (!isIpAddress(inv.vip)) {
            p.add(new Problem("vip", i18n.get("hosts.problem.vip.bad", inv.vip)));
        }
        if (inv.clientPort < 1 || inv.clientPort > 65535) p.add(new Problem("clientPort", i18n.get("hosts.problem.clientPort")));
        if (inv.knownHosts != null && Files.isDirectory(expand(inv.knownHosts))) {
            p.add(new Problem("knownHosts", i18n.get("hosts.problem.knownHosts.dir", inv.knownHosts)));
        }
        boolean haproxy = usesHaproxy(inv.preset);
        for (int i = 0; i < inv.hosts.size(); i++) {
            Inventory.Host h = inv.hosts.get(i);
            HostModel m = hosts.get(i);
            String at = "h" + i + ".";
            String who = h.name.isEmpty() ? i18n.get("hosts.host.n", i + 1) : h.name;
            if (h.name.isEmpty()) {
                p.add(new Problem(at + "name", i18n.get("hosts.problem.name.empty", who)));
            } else if (!h.name.matches("[A-Za-z0-9_.]+")) {
                p.add(new Problem(at + "name", i18n.get("hosts.problem.name.bad", who)));
            } else if (i > 0 && h.name.equals(inv.hosts.get(0).name)) {
                p.add(new Problem(at + "name", i18n.get("hosts.problem.name.same", who)));
            }
            if (h.address.isEmpty()) {
                p.add(new Problem(at + "address", i18n.get("hosts.problem.address.empty", who)));
            } else if (!h.address.matches("[A-Za-z0-9_.:%\\[\\]-]+")) {
                p.add(new Problem(at + "address", i18n.get("hosts.problem.address.bad", who, h.address)));
            }
            if (h.port < 1 || h.port > 65535) p.add(new Problem(at + "port", i18n.get("hosts.problem.port", who)));
            if (h.user.isEmpty()) p.add(new Problem(at + "user", i18n.get("hosts.problem.user", who)));
            switch (h.auth) {
                case "key" -> {
                    if (h.keyFile == null) {
                        p.add(new Problem(at + "keyFile", i18n.get("hosts.problem.keyFile.empty", who)));
                    } else if (!Files.isRegularFile(expand(h.keyFile))) {
                        p.add(new Problem(at + "keyFile", i18n.get("hosts.problem.keyFile.missing", who, h.keyFile)));
                    }
                }
                case "password" -> {
                    if (m.password.get().isEmpty()) p.add(new Problem(at + "password", i18n.get("hosts.problem.password", who)));
                }
                default -> { }
            }
            if (h.iface.isEmpty() || !h.iface.matches("[A-Za-z0-9_.@-]+")) p.add(new Problem(at + "iface", i18n.get("hosts.problem.iface", who)));
            if (!h.services.equals("custom")) {
                for (ProcessKind k : processes(haproxy)) {
                    String n = h.serviceName(k);
                    if (n.isEmpty() || !n.matches("[A-Za-z0-9_.@:-]+")) {
                        p.add(new Problem(at + k.id() + "Service", i18n.get("hosts.problem.service", who, k.id())));
                    }
                }
            }
            if (h.keepalivedLog.isEmpty()) p.add(new Problem(at + "keepalivedLog", i18n.get("hosts.problem.keepalivedLog", who)));
            if (haproxy && h.haproxyStats.isEmpty()) p.add(new Problem(at + "haproxyStats", i18n.get("hosts.problem.haproxyStats", who)));
        }
        // The inventory's own check has the last word: anything it refuses that the checks above missed.
        if (p.isEmpty()) for (BundleText s : inv.problems()) p.add(new Problem("inventory", s.render(i18n.locale())));
        return p;
    }

    /** The processes the preset runs, hence the ones the preview lists. */
    static List<ProcessKind> processes(boolean haproxy) {
        return haproxy ? List.of(ProcessKind.MYSQLD, ProcessKind.HAPROXY, ProcessKind.KEEPALIVED)
                : List.of(ProcessKind.MYSQLD, ProcessKind.KEEPALIVED);
    }

    static boolean isIpAddress(String s) {
        if (s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            for (String part : s.split("\\.")) if (Integer.parseInt(part) > 255) return false;
            return true;
        }
        return s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
    }

    /** {@code ~/x} as JSch reads it. */
    static Path expand(String file) {
        try {
            if (file.equals("~") || file.startsWith("~/")) return Path.of(System.getProperty("user.home") + file.substring(1));
            return Path.of(file);
        } catch (InvalidPathException e) {
            return Path.of("/nonexistent");
        }
    }
}
