package org.viplab.engine.sim;

import org.viplab.core.model.HaproxySpec;
import org.viplab.core.model.ProcessKind;
import org.viplab.core.model.ProcessState;
import org.viplab.core.timeline.Causes;
import org.viplab.core.timeline.LabEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * haproxy 2.6 in {@code mode tcp}: one frontend, one backend, health checks per server, roundrobin.
 * Checks are scheduled one interval after the previous one completes, as haproxy does.
 */
final class Haproxy extends SimProcess {
    final HaproxySpec spec;
    private final List<Server> servers = new ArrayList<>();
    private int roundRobin;

    Haproxy(SimulatedLab lab, SimHost host, HaproxySpec spec) {
        super(lab, host, ProcessKind.HAPROXY);
        this.spec = spec;
        for (HaproxySpec.ServerSpec s : spec.servers) servers.add(new Server(s));
    }

    List<Server> servers() { return servers; }

    /** haproxy's restart leaves the port closed for a moment: where the tutorial's own check can trip. */
    @Override
    protected long restartGapUs() { return 100_000; }

    @Override
    protected void onRunning() {
        // haproxy starts with every server UP and spreads the first checks over one interval.
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            s.health = spec.rise + spec.fall - 1;
            s.status = "UP";
            if (s.spec.check) s.schedule(spec.interMs * 1000L * i / Math.max(1, servers.size()) + 1000);
        }
    }

    @Override
    protected void onStopped() { cancelChecks(); }

    @Override
    protected void onKilled() { cancelChecks(); }

    @Override
    protected void onHang() { cancelChecks(); }

    @Override
    protected void onResume() {
        if (state == ProcessState.RUNNING) for (Server s : servers) if (s.spec.check) s.schedule(0);
    }

    private void cancelChecks() {
        for (Server s : servers) if (s.timer != null) s.timer.cancel();
    }

    /** The server a new connection goes to, or null when haproxy has none ("no server available"). */
    Server pick() {
        Server chosen = pickAmong(false);
        return chosen != null ? chosen : pickAmong(true);
    }

    /** haproxy's srv_act: active (non-backup) servers its checks count as usable. */
    int usableActiveServers() {
        int n = 0;
        for (Server s : servers) if (!s.spec.backup && s.up()) n++;
        return n;
    }

    private Server pickAmong(boolean backups) {
        if (backups) {
            // without `option allbackups` haproxy uses only the first operational backup server
            // (configuration.txt, "option allbackups"), so a third node's backup waits behind the second's
            for (Server s : servers) if (s.spec.backup && s.up()) return s;
            return null;
        }
        int n = servers.size();
        for (int i = 0; i < n; i++) {
            Server s = servers.get((roundRobin + i) % n);
            if (s.spec.backup == backups && s.up()) {
                roundRobin = (roundRobin + i + 1) % n;
                return s;
            }
        }
        return null;
    }

    /** One backend server as this haproxy sees it. */
    final class Server {
        final HaproxySpec.ServerSpec spec;
        /** haproxy's health counter: 0 .. rise+fall-1, UP from rise on. */
        int health;
        String status = "UP";
        Scheduler.Task timer;
        /** The id of the last change of this server's status here. */
        long lastChange = Causes.NONE;

        Server(HaproxySpec.ServerSpec spec) { this.spec = spec; }

        boolean up() { return !spec.check || health >= Haproxy.this.spec.rise; }

        void schedule(long delayUs) {
            if (timer != null) timer.cancel();
            timer = lab.scheduler().after(delayUs, this::check);
        }

        private void check() {
            if (state != ProcessState.RUNNING) return;
            HaproxySpec h = Haproxy.this.spec;
            SimHost target = lab.host(spec.node);
            String result;
            long took;
            if (target == null || !lab.network().hostCanReach(host.name, target.name)) {
                result = "L4TOUT";
                took = h.connectTimeoutMs() * 1000;
            } else if (!target.mysqld.acceptsTcp()) {
                result = "L4CON";
                took = 300;
            } else if (h.checkType == HaproxySpec.CheckType.MYSQL && !target.mysqld.greets()) {
                result = "L7TOUT";
                took = h.readTimeoutMs() * 1000;
            } else {
                result = h.checkType == HaproxySpec.CheckType.MYSQL ? "L7OK" : "L4OK";
                took = 400;
            }
            timer = lab.scheduler().after(took, () -> complete(result));
        }

        private void complete(String result) {
            if (state != ProcessState.RUNNING) return;
            HaproxySpec h = Haproxy.this.spec;
            boolean ok = result.endsWith("OK");
            boolean wasUp = up();
            int max = h.rise + h.fall - 1;
            if (ok) {
                if (wasUp) health = Math.min(max, health + 1);
                else if (++health >= h.rise) health = max;
            } else {
                if (wasUp) health = health - 1 < h.rise ? 0 : health - 1;
                else health = 0;
            }
            boolean isUp = up();
            String next = isUp ? (health == max ? "UP" : "UP " + (max - health) + "/" + h.fall)
                    : (health == 0 ? "DOWN" : "DOWN " + health + "/" + h.rise);
            if (!next.equals(status)) {
                status = next;
                SimHost target = lab.host(spec.node);
                // a check that sees a change follows from the latest change of what it checks: the database or the path
                long cause = Math.max(lab.networkChange(), target == null ? Causes.NONE : target.mysqld.lastChange());
                lastChange = lab.emit(new LabEvent.ServerCheck(lab.now(), host.name, spec.name, next, result, isUp), cause);
                lab.scheduler().cause(lastChange);
                if (wasUp != isUp) {
                    lab.log(host.name, "haproxy", "Server back_mysql/" + spec.name + " is " + (isUp ? "UP" : "DOWN")
                            + ", reason: " + reason(result));
                }
            }
            long inter = isUp ? (health == max ? h.interMs : h.fastinterOrInter()) : (health == 0 ? h.downinterOrInter() : h.fastinterOrInter());
            timer = lab.scheduler().after(inter * 1000, this::check);
        }

        private String reason(String r) {
            return switch (r) {
                case "L4CON" -> "Layer4 connection problem, info: \"Connection refused\"";
                case "L4TOUT" -> "Layer4 timeout";
                case "L7TOUT" -> "Layer7 timeout";
                default -> "Layer4 check passed";
            };
        }
    }
}
