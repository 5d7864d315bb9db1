package org.viplab.config;

import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.model.Limits;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keepalived.conf of a router that is none of the lab's nodes (another cluster on the segment, a cloned VM):
 * each of its vrrp_instances on the segment's interface (the interface of the nodes' instance) becomes one of the
 * topology's {@code foreignRouters}, which the simulator runs as a source of adverts only. Instances on other
 * interfaces never reach our nodes and are left out with a note; a value the simulator cannot run (VRID, priority,
 * a fractional advert_int, an address of one of the nodes) is an error at the line that set it.
 */
public final class ForeignImport {
    private static final Pattern FIELD = Pattern.compile("foreignRouters\\.(\\d+)\\.(\\w+)");
    private static final Pattern IPV4 = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private ForeignImport() { }

    /**
     * Adds the routers of {@code file} to {@code t.foreignRouters} (after any already there) and their notes to
     * {@code notes}; throws at the offending file:line when the file cannot be read or a value cannot be simulated.
     */
    public static void add(Topology t, Path file, List<Note> notes) throws ConfigParseException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigParseException(SourcePos.of(file, 1, 1), ConfigText.of("config.error.foreignNoFile"));
        }
        KeepalivedConf k = KeepalivedParser.parse(file);
        notes.addAll(k.notes);
        String segment = t.nodes.isEmpty() ? "eth0" : t.nodes.get(0).keepalived.iface;
        Set<String> nodeIps = new HashSet<>();
        for (NodeSpec n : t.nodes) nodeIps.add(n.ip);
        List<KeepalivedConf.VrrpInstance> taken = new ArrayList<>();
        List<ForeignRouterSpec> specs = new ArrayList<>();
        String fallbackIp = null;
        for (KeepalivedConf.VrrpInstance vi : k.instances) {
            if (vi.iface == null || !vi.iface.value().equals(segment)) {
                notes.add(new Note(vi.pos, ConfigText.of("config.note.foreignOtherIface", vi.name,
                        vi.iface == null ? "-" : vi.iface.value(), segment)));
                continue;
            }
            if (vi.vrid == null) throw new ConfigParseException(vi.pos, ConfigText.of("config.error.foreignNoVrid", vi.name));
            ForeignRouterSpec f = new ForeignRouterSpec();
            KeepalivedConf.Val<String> src = vi.unicastSrcIp != null ? vi.unicastSrcIp : vi.mcastSrcIp;
            if (src != null) {
                f.ip = src.value();
                if (!IPV4.matcher(f.ip).matches()) throw new ConfigParseException(src.pos(), ConfigText.of("config.error.foreignAddress", f.ip));
                if (nodeIps.contains(f.ip)) throw new ConfigParseException(src.pos(), ConfigText.of("config.error.foreignIsNode", f.ip));
            } else {
                String commented = addressComment(k);
                if (commented == null) {
                    if (fallbackIp == null) fallbackIp = ForeignRouterSpec.freeAddress(t);
                    commented = fallbackIp;
                    notes.add(new Note(vi.pos, ConfigText.of("config.note.foreignNoAddress", vi.name, commented)));
                }
                f.ip = commented;
            }
            if (!vi.unicastPeers.isEmpty()) notes.add(new Note(vi.unicastPeers.get(0).pos(), ConfigText.of("config.note.foreignUnicast", vi.name)));
            if (k.versionOf(vi) != 2) notes.add(new Note(vi.version != null ? vi.version.pos() : vi.pos, ConfigText.of("config.note.foreignVersion", vi.name)));
            f.vrid = vi.vrid.value();
            f.priority = vi.priorityOrDefault();
            f.advertInt = vi.advertIntOrDefault();
            f.authPass = vi.authPass != null ? vi.authPass.value() : null;
            f.vips = new ArrayList<>(vi.vips.stream().map(v -> v.ip).toList());
            f.fromSec = 0;
            specs.add(f);
            taken.add(vi);
        }
        if (specs.isEmpty()) {
            SourcePos at = k.files.isEmpty() ? SourcePos.of(file, 1, 1) : SourcePos.of(k.files.get(0), 1, 1);
            throw new ConfigParseException(at, ConfigText.of("config.error.foreignNone", segment));
        }
        int first = t.foreignRouters == null ? 0 : t.foreignRouters.size();
        if (t.foreignRouters == null) t.foreignRouters = new ArrayList<>();
        t.foreignRouters.addAll(specs);
        // the same table as every topology; a violation of one of ours is reported at the line that set it
        for (Limits.Violation v : Limits.check(t)) {
            Matcher m = FIELD.matcher(v.field());
            if (!m.matches() || Integer.parseInt(m.group(1)) < first) continue;
            KeepalivedConf.VrrpInstance vi = taken.get(Integer.parseInt(m.group(1)) - first);
            KeepalivedConf.Val<?> val = switch (m.group(2)) {
                case "vrid" -> vi.vrid;
                case "priority" -> vi.priority;
                case "advertInt" -> vi.advertInt;
                default -> null;
            };
            throw new ConfigParseException(val != null ? val.pos() : vi.pos, ConfigText.literal(v.message()));
        }
    }

    /** The address a ConfigRenderer comment gives the router, or null. */
    private static String addressComment(KeepalivedConf k) {
        for (Path f : k.files) {
            try {
                Matcher m = ConfigImporter.ADDRESS_COMMENT.matcher(Files.readString(f));
                if (m.find()) return m.group(1);
            } catch (java.io.IOException | RuntimeException e) {
                // already read once by the parser; ignore
            }
        }
        return null;
    }
}
