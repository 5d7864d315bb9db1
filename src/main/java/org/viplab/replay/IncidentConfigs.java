package org.viplab.replay;

import org.viplab.config.ConfigImporter;
import org.viplab.config.ConfigParseException;
import org.viplab.config.Note;
import org.viplab.core.model.Topology;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The hosts' own configs beside their incident ({@code replay --config}, the Open incident dialog's config
 * fields): imported as File > Import configs… imports them, so the incident is shown and reported with the
 * settings the hosts ran, and lint can point at the user's own files. The configs must name the incident's
 * hosts: a config of other names would describe other machines.
 *
 * @param dirs     host → its config directory, in the order given
 * @param imported what the importer read: the topology, the parsed files for lint, the notes
 */
public record IncidentConfigs(Map<String, Path> dirs, ConfigImporter.Result imported) {
    public IncidentConfigs {
        dirs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dirs));
    }

    /**
     * @param logged the hosts whose logs were given (a host only the capture named has no config to match)
     * @throws ConfigParseException a file that cannot be read (its file:line:column)
     * @throws IncidentException    the configs' nodes are not the incident's hosts
     */
    public static IncidentConfigs read(Map<String, Path> dirs, Collection<String> logged) throws ConfigParseException, IncidentException {
        ConfigImporter.Result r = ConfigImporter.importNodes(dirs);
        TreeSet<String> nodes = new TreeSet<>(r.topology().nodeNames());
        TreeSet<String> hosts = new TreeSet<>(logged);
        if (!nodes.containsAll(hosts)) {
            throw new IncidentException("the configs' nodes are " + String.join(", ", nodes) + ", the incident's hosts "
                    + String.join(", ", hosts) + "; name them alike");
        }
        return new IncidentConfigs(dirs, r);
    }

    public Topology topology() { return imported.topology(); }

    /** What the parsers kept but do not model. */
    public List<Note> notes() { return imported.notes(); }
}
