package org.viplab.ui.drills;

import org.viplab.core.timeline.Actor;
import org.viplab.core.timeline.LabEvent;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;
import org.viplab.ui.common.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How a finished drill ends up on the panel: its outcome, and the sentence saying so (and what the restore did). */
record DrillSummary(DrillPanelModel.Outcome outcome, Supplier<String> text) {
    /** @param nowUs the lab clock, said when an aborted drill's restore did nothing */
    static DrillSummary of(DrillResult r, boolean aborted, long nowUs, I18n i18n) {
        long expectations = r.verdicts().stream().filter(v -> !(v.step() instanceof Step.ActionStep)).count();
        long failed = r.verdicts().stream().filter(Verdict::failed).count();
        String problems = r.restoreProblems().isEmpty() ? "" : " " + i18n.get("drills.state.restoreProblems", String.join("; ", r.restoreProblems()));
        if (aborted) {
            List<String> restored = restoreActions(r.events());
            long at = r.events().stream().filter(e -> e instanceof LabEvent.ActionApplied a && a.by() == Actor.RESTORE)
                    .mapToLong(LabEvent::timeUs).findFirst().orElse(nowUs);
            return new DrillSummary(DrillPanelModel.Outcome.ABORTED, () -> (restored.isEmpty()
                    ? i18n.get("drills.state.abortedNothing", DrillPanelModel.seconds(at))
                    : i18n.get("drills.state.aborted", DrillPanelModel.seconds(at), String.join(", ", restored))) + problems);
        }
        if (failed == 0) return new DrillSummary(DrillPanelModel.Outcome.PASSED, () -> i18n.get("drills.state.passed", expectations) + problems);
        return new DrillSummary(DrillPanelModel.Outcome.FAILED, () -> i18n.get("drills.state.failed", failed, expectations) + problems);
    }

    private static List<String> restoreActions(List<LabEvent> events) {
        List<String> out = new ArrayList<>();
        for (LabEvent e : events) {
            if (e instanceof LabEvent.ActionApplied a && a.by() == Actor.RESTORE) out.add(a.action() + " " + a.target());
        }
        return out;
    }
}
