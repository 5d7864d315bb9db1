package org.viplab.testing;

import org.viplab.drill.Drill;
import org.viplab.drill.DrillParser;
import org.viplab.drill.DrillResult;
import org.viplab.drill.DrillRunner;
import org.viplab.engine.sim.SimulatedLab;
import org.viplab.core.timeline.Timeline;

import java.nio.file.Path;

/** Runs drills on the simulator for tests. */
public final class Drills {
    private Drills() { }

    public static DrillResult run(String name, String json) throws Exception {
        return run(DrillParser.parse(name, json, Path.of(".")));
    }

    public static DrillResult runFile(Path file) throws Exception {
        return run(DrillParser.parseFile(file));
    }

    public static DrillResult run(Drill drill) throws Exception {
        Timeline timeline = new Timeline();
        SimulatedLab lab = SimulatedLab.steadyState(drill.topology(), drill.seed(), timeline);
        return new DrillRunner().run(drill, lab, null);
    }

    /** Mode 1: stop keepalived on db1 at 5 s (priority-0 advert, short gap), start it again at 15 s. */
    public static final String KEEPALIVED_STOP = """
            {"name": "keepalived stop", "preset": "mode1", "duration": "25s", "steps": [
              {"at": "5s", "action": "stop", "target": "db1/keepalived"},
              {"expect": "vip-on", "host": "db2", "within": "1s"},
              {"at": "15s", "action": "start", "target": "db1/keepalived"},
              {"expect": "vip-on", "host": "db1", "within": "5s"}
            ]}""";

    /** Mode 1: VRRP blocked between the hosts from 5 s to 12 s: both MASTER, split brain; one expectation fails. */
    public static final String SPLIT_BRAIN = """
            {"name": "vrrp blocked", "preset": "mode1", "duration": "20s", "steps": [
              {"at": "5s", "action": "cut", "target": "db1-db2/vrrp"},
              {"expect": "split-brain", "within": "6s"},
              {"expect": "no-split-brain"},
              {"at": "12s", "action": "heal", "target": "db1-db2/vrrp"}
            ]}""";

    /** Mode 1: mysqld stopped on db1: with the tutorial's script keepalived is stopped too; clients are refused meanwhile. */
    public static final String MYSQLD_STOP = """
            {"name": "mysqld stop", "preset": "mode1", "duration": "20s", "steps": [
              {"at": "5s", "action": "stop", "target": "db1/mysqld"},
              {"expect": "vip-on", "host": "db2", "within": "8s"},
              {"expect": "client-downtime-under", "max": "10s"}
            ]}""";
}
