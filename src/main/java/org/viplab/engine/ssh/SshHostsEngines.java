package org.viplab.engine.ssh;

import org.viplab.core.model.ProcessKind;
import org.viplab.lab.Verb;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.HostsEngine;
import org.viplab.lab.hosts.HostsEngineFactory;
import org.viplab.lab.hosts.Inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Real hosts over SSH for the app: {@link LiveHosts}, and the commands {@link CommandTemplates} and {@link Watch} build. */
public final class SshHostsEngines implements HostsEngineFactory {
    @Override
    public HostsEngine create(Inventory inventory, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog) {
        return new LiveHosts(inventory, prompt, passwords, commandLog);
    }

    @Override
    public String processCommand(Inventory.Host host, Verb verb, ProcessKind process) {
        return new CommandTemplates(host).process(verb, process);
    }

    @Override
    public List<String> watchCommands(Inventory.Host host, String vip, boolean haproxy) {
        List<String> out = new ArrayList<>();
        for (Watch w : Watch.forMode(haproxy)) {
            try {
                out.add(w.command(host, vip));
            } catch (RuntimeException e) {
                // an unfinished form (no interface yet): the preview's problems list says what is missing
            }
        }
        return out;
    }
}
