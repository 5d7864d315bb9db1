package org.viplab.engine.ssh;

import org.viplab.core.model.Topology;
import org.viplab.core.timeline.Timeline;
import org.viplab.core.util.Failures;
import org.viplab.drill.Drill;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.drill.Provenance;
import org.viplab.drill.RealHosts;
import org.viplab.lab.Action;
import org.viplab.lab.LabText;
import org.viplab.lab.hosts.HostKeyPrompt;
import org.viplab.lab.hosts.Inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@link RealHosts} over SSH: one {@link SshLab} per session, a drill run per call on a fresh timeline at t = 0. */
public final class SshRealHosts implements RealHosts {
    /** How long the baseline may take before t = 0. */
    public static final long BASELINE_MAX_MS = 60_000;

    @Override
    public Session connect(Inventory inventory, HostKeyPrompt prompt, Map<String, char[]> passwords, Consumer<String> commandLog, Notes notes)
            throws ConnectException, InterruptedException {
        SshLab lab = new SshLab(inventory, new Timeline(), prompt, passwords, commandLog);
        try {
            lab.connect();
        } catch (RemoteException e) {
            lab.close();
            throw new ConnectException(e.text(), e);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        // asked before any drill: a drill may cut a host off, and nothing must run on the hosts during it
        Map<String, Map<String, String>> versions = lab.hostVersions();
        return new SshSession(inventory, lab, versions, notes);
    }

    private static final class SshSession implements Session {
        private final Inventory inv;
        private final SshLab lab;
        private final Map<String, Map<String, String>> versions;
        private final Notes notes;
        private volatile boolean cancelled;
        private volatile DrillRunner current;

        SshSession(Inventory inv, SshLab lab, Map<String, Map<String, String>> versions, Notes notes) {
            this.inv = inv;
            this.lab = lab;
            this.versions = versions;
            this.notes = notes;
        }

        @Override
        public DrillResult run(Drill drill) throws InterruptedException {
            if (cancelled) throw new IllegalStateException("cancelled");
            try {
                lab.prepare(BASELINE_MAX_MS, () -> cancelled);
            } catch (IllegalStateException e) {
                throw LabText.failed(LabText.of("run.baseline", Failures.text(e)), e);
            }
            notes.baselineReached(lab.vipHolders());
            lab.beginDrill(); // a new timeline at t = 0: lab.timeline() from here on
            DrillRunner runner = new DrillRunner();
            current = runner;
            if (cancelled) runner.abort(); // cancelled between the baseline and here: the restore still runs
            DrillResult r;
            try {
                r = runner.run(drill, lab, null);
            } finally {
                current = null;
            }
            r = r.withProvenance(r.provenance().withHosts(hosts()));
            if (lab.lateEvents() > 0) notes.lateEvents(lab.lateEvents());
            return r;
        }

        @Override
        public void cancel() {
            cancelled = true;
            DrillRunner r = current;
            if (r != null) r.abort();
        }

        @Override
        public boolean cancelled() { return cancelled; }

        @Override
        public String unreachable() {
            for (String h : inv.hostNames()) if (!lab.reachable(h)) return h;
            return null;
        }

        @Override
        public Inventory inventory() { return inv; }

        @Override
        public Topology topology() { return SshLab.topologyOf(inv); }

        @Override
        public Map<String, Long> clockOffsetsUs() { return lab.clockOffsetsUs(); }

        @Override
        public Map<String, Map<String, String>> versions() { return versions; }

        @Override
        public LabText unsupported(Action action) { return lab.unsupported(action); }

        @Override
        public void close() { lab.close(); }

        /** The inventory's hosts (no secrets: an inventory holds none) with the versions each reported. */
        private List<Provenance.Host> hosts() {
            List<Provenance.Host> out = new ArrayList<>();
            for (Inventory.Host h : inv.hosts) out.add(new Provenance.Host(h.name, h.address, h.port, h.user, versions.getOrDefault(h.name, Map.of())));
            return out;
        }
    }
}
