package org.viplab.ui.hosts;

import org.viplab.lab.hosts.HostsEngineFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the hosts dialog and connection get from the composition root: the engine for real hosts, and where
 * the one-machine lab keeps its inventory while it is up.
 *
 * @param labInventoryFile the lab's inventory file, whether it exists now or not; null when there is none
 */
public record HostsContext(HostsEngineFactory engines, Path labInventoryFile) {
    /** The one-machine lab's inventory file when the lab is up, else null. */
    public Path labInventory() {
        return labInventoryFile != null && Files.isRegularFile(labInventoryFile) ? labInventoryFile : null;
    }
}
