package org.viplab.config.lint;

import org.viplab.config.NodeConfig;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.FailoverBudget;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.TopologyJson;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the settings promise: for each process the VIP holder's scripts watch, and for a keepalived that dies
 * silently, the failover budget's upper bound ("clients can be down up to 4.07 s with these settings"), the
 * same numbers as the sweep report's stacked bar ({@link FailoverBudget}).
 */
final class BudgetRules {
    private BudgetRules() { }

    static void check(LintContext c) {
        if (c.topology.nodes == null || c.topology.nodes.size() != 2 || !TopologyJson.problems(c.topology).isEmpty()) return;
        NodeSpec master = FailoverBudget.master(c.topology);
        NodeConfig nc = null;
        for (NodeConfig n : c.nodes()) if (n.name.equals(master.name)) nc = n;
        if (nc == null) return;
        var pos = nc.keepalived.instances.isEmpty() ? null : nc.keepalived.instances.get(0).pos;
        Set<String> processes = new LinkedHashSet<>();
        for (CheckScriptSpec s : master.keepalived.scripts) {
            if (s.test == CheckScriptSpec.Test.MYSQL_QUERY) processes.add("mysqld");
            if (s.test == CheckScriptSpec.Test.PROCESS_EXISTS) {
                if (s.processName.equals(master.mysqldProcessName)) processes.add("mysqld");
                if (s.processName.equals("haproxy")) processes.add("haproxy");
            }
        }
        for (String p : processes) {
            FailoverBudget.Budget b = FailoverBudget.of(c.topology, FailoverBudget.Fault.STOP_PROCESS, p);
            if (!b.failsOver()) continue; // the rules about weights and checks say why
            c.add("failover-budget", Severity.INFO, nc, pos,
                    LintText.of("lint.failover-budget.message", p, master.name, FailoverBudget.seconds(b.maxUs())),
                    LintText.of("lint.failover-budget.why", b.breakdown(), b.backup()),
                    LintText.of("lint.failover-budget.fix"), null);
        }
        FailoverBudget.Budget silent = FailoverBudget.of(c.topology, FailoverBudget.Fault.SILENT_KEEPALIVED, "keepalived");
        c.add("failover-budget-silent", Severity.INFO, nc, pos,
                LintText.of("lint.failover-budget-silent.message", master.name, silent.backup(),
                        FailoverBudget.seconds(silent.failoverMinUs()), FailoverBudget.seconds(silent.failoverMaxUs())),
                LintText.of("lint.failover-budget-silent.why", silent.breakdown()),
                LintText.of("lint.failover-budget-silent.fix"), null);
    }
}
