package org.viplab.lab.hosts;

import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Verb;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the app needs of the engine that drives real hosts, without naming it: a new engine for an inventory,
 * and the exact commands it would run, so that the user sees them before connecting. The composition root
 * hands the SSH engine's implementation to the UI.
 */
public interface HostsEngineFactory {
    /**
     * An engine for the inventory's hosts, not connected yet.
     *
     * @param passwords  per host name for password authentication; kept in memory only
     * @param commandLog told every remote command before it runs ("db1$ service mysql stop")
     */
    HostsEngine create(Inventory inventory, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog);

    /** The command {@code verb} on {@code process} runs on {@code host}; throws with the reason when there is none. */
    String processCommand(Inventory.Host host, Verb verb, ProcessKind process);

    /** The read-only commands streamed from {@code host} while connected (one left out when the form is unfinished). */
    List<String> watchCommands(Inventory.Host host, String vip, boolean haproxy);
}
