package org.viplab.config.lint;

import org.viplab.config.ConfigImporter;
import org.viplab.config.KeepalivedConf;
import org.viplab.config.NodeConfig;
import org.viplab.config.ScriptAnalysis;
import org.viplab.config.SourcePos;
import org.viplab.core.model.CheckScriptSpec;
import org.viplab.core.model.NodeSpec;
import org.viplab.core.model.Topology;
import org.viplab.core.model.TopologyJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What the rules look at: the parsed files of every node and the topology imported from them. */
final class LintContext {
    final ConfigImporter.Result result;
    final Topology topology;
    final boolean prove;
    final List<Finding> findings = new ArrayList<>();

    LintContext(ConfigImporter.Result result, boolean prove) {
        this.result = result;
        this.topology = result.topology();
        // The simulator needs a usable topology; a broken one is still linted, just not simulated.
        this.prove = prove && TopologyJson.problems(topology).isEmpty() && topology.nodes.size() == 2;
    }

    List<NodeConfig> nodes() { return result.nodes(); }

    NodeSpec spec(NodeConfig nc) { return topology.node(nc.name); }

    /**
     * The same VRRP instance on another node: the one with the same name, else, when both nodes have one
     * instance, that one (names often differ between hand-written files); null when the node does not run it.
     */
    static KeepalivedConf.VrrpInstance partner(NodeConfig self, KeepalivedConf.VrrpInstance vi, NodeConfig other) {
        KeepalivedConf.VrrpInstance same = other.keepalived.instance(vi.name);
        if (same != null) return same;
        if (self.keepalived.instances.size() == 1 && other.keepalived.instances.size() == 1) return other.keepalived.instances.get(0);
        return null;
    }

    /** Adds a finding; the proof is computed only when proving is on, and a failed run never hides the finding. */
    void add(String rule, Severity sev, NodeConfig nc, SourcePos pos, LintText message, LintText why, LintText fix,
             Supplier<LintText> proof) {
        LintText p = null;
        if (prove && proof != null) {
            try {
                p = proof.get();
            } catch (RuntimeException e) {
                p = LintText.of("lint.proof.failed", String.valueOf(e.getMessage()));
            }
        }
        findings.add(new Finding(rule, sev, nc == null ? null : nc.name, pos, message, why, fix, p));
    }

    /** The model of a vrrp_script or track_process as imported, by name, on a node. */
    CheckScriptSpec scriptSpec(NodeConfig nc, String name) {
        NodeSpec n = spec(nc);
        if (n == null) return null;
        for (CheckScriptSpec s : n.keepalived.scripts) if (s.name.equals(name)) return s;
        return null;
    }

    /** Where in the script file a line is, or the script line in keepalived.conf when there is no file. */
    static SourcePos inScript(NodeConfig nc, String scriptName, int line, KeepalivedConf.VrrpScript vs) {
        Path f = nc.scriptFiles.get(scriptName);
        if (f != null && line > 0) return SourcePos.of(f, line, 1);
        return vs.script != null ? vs.script.pos() : vs.pos;
    }

    ScriptAnalysis analysis(NodeConfig nc, String scriptName) { return nc.scripts.get(scriptName); }
}
