package org.viplab.ui.imports;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.viplab.config.Note;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The node directories last imported and the topology they gave, so that lint can point at the user's own
 * files (file:line) as long as that topology is the one running. FX thread only.
 */
public final class ImportedConfigs {
    /** One import: node name to directory (in node order), the topology it gave, and the importer's notes. */
    public record Imported(Map<String, Path> dirs, Topology topology, List<Note> notes) {
        /** True when {@code running} is still exactly what was imported (no mode switch, no settings edit since). */
        public boolean describes(Topology running) {
            return running != null && TopologyJson.toJson(running).equals(TopologyJson.toJson(topology));
        }
    }

    private final ObjectProperty<Imported> last = new SimpleObjectProperty<>();

    public ObjectProperty<Imported> lastProperty() { return last; }

    /** The last import when it still describes {@code running}, else null. */
    public Imported matching(Topology running) {
        Imported i = last.get();
        return i != null && i.describes(running) ? i : null;
    }
}
