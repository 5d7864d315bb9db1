package org.viplab.drill;

import org.viplab.core.model.Topology;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed drill: the lab to start from, what to do when, and what must happen.
 *
 * @param source     where it came from (a file name, for messages); never written to results
 * @param presetName the preset it names, or null when it names a topology file
 * @param durationUs the explicit duration, or null to end at the latest step deadline
 * @param translations language tag ({@link DrillTranslation#LANGUAGES}) to the drill's texts in that language
 * @param stepIds      step index (1-based) to the step's {@code id} in the file, for the steps that have one
 */
public record Drill(String source, String name, String description, String presetName, Topology topology, long seed,
                    Long durationUs, List<Step> steps, List<Step.ActionStep> restore, List<String> warnings,
                    Map<String, DrillTranslation> translations, Map<Integer, String> stepIds) {

    public Drill {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        stepIds = stepIds == null ? Map.of() : Map.copyOf(stepIds);
    }

    /** A drill whose steps have no ids. */
    public Drill(String source, String name, String description, String presetName, Topology topology, long seed,
                 Long durationUs, List<Step> steps, List<Step.ActionStep> restore, List<String> warnings,
                 Map<String, DrillTranslation> translations) {
        this(source, name, description, presetName, topology, seed, durationUs, steps, restore, warnings, translations, Map.of());
    }

    /** A drill in English only. */
    public Drill(String source, String name, String description, String presetName, Topology topology, long seed,
                 Long durationUs, List<Step> steps, List<Step.ActionStep> restore, List<String> warnings) {
        this(source, name, description, presetName, topology, seed, durationUs, steps, restore, warnings, Map.of(), Map.of());
    }

    /** The name in {@code locale}'s language when the file gives it, else the English name. */
    public String name(Locale locale) {
        DrillTranslation t = translation(locale);
        return t != null && t.name() != null ? t.name() : name;
    }

    /** The description in {@code locale}'s language when the file gives it, else the English one (may be null). */
    public String description(Locale locale) {
        DrillTranslation t = translation(locale);
        return t != null && t.description() != null ? t.description() : description;
    }

    /** What {@code step} does, in {@code locale}'s language when the file gives it, else {@link Step#text()}. */
    public String stepText(Step step, Locale locale) {
        DrillTranslation t = translation(locale);
        String text = t == null || !steps.contains(step) ? null : t.steps().get(step.index());
        return text != null ? text : step.text();
    }

    private DrillTranslation translation(Locale locale) {
        String tag = DrillTranslation.languageOf(locale);
        return tag == null ? null : translations.get(tag);
    }

    /** Where the drill ends: its duration, or the latest deadline of its steps. */
    public long endUs() {
        if (durationUs != null) return durationUs;
        long end = 0;
        for (Step s : steps) end = Math.max(end, s.deadlineUs());
        return end;
    }

    /** The same drill on other hosts (real ones: their names, addresses, VIP and client port). */
    public Drill on(Topology other) {
        return new Drill(source, name, description, presetName, other, seed, durationUs, steps, restore, warnings, translations, stepIds);
    }

    /** The same drill with another seed. */
    public Drill withSeed(long other) {
        return new Drill(source, name, description, presetName, topology, other, durationUs, steps, restore, warnings, translations, stepIds);
    }

    /**
     * The same drill with its actions at the times they really began on real hosts ({@code actionUs}, one per action
     * step in order): each expectation that follows an action moves with it, as a real run's verdicts are anchored
     * to when the action began (see {@link Judge}). What the simulator predicts for a real run's own schedule: a
     * split brain between a cut and a heal lasts as long as the rules really stood, not as long as written.
     *
     * @throws IllegalArgumentException when the count differs from the drill's action steps
     */
    public Drill atActionTimes(long[] actionUs) {
        List<Step.ActionStep> actions = steps.stream().filter(Step.ActionStep.class::isInstance).map(Step.ActionStep.class::cast).toList();
        if (actions.size() != actionUs.length) {
            throw new IllegalArgumentException(actions.size() + " actions in the drill, " + actionUs.length + " times given");
        }
        java.util.ArrayList<Step> moved = new java.util.ArrayList<>();
        long shift = 0;
        int k = 0;
        for (Step s : steps) {
            if (s instanceof Step.ActionStep a) {
                shift = actionUs[k++] - a.anchorUs();
                moved.add(new Step.ActionStep(a.index(), a.line(), a.anchorUs() + shift, a.action()));
            } else {
                Step.ExpectStep e = (Step.ExpectStep) s;
                moved.add(e.wholeDrill() ? e : new Step.ExpectStep(e.index(), e.line(), e.anchorUs() + shift, e.kind(), e.host(), e.state(),
                        e.withinUs(), e.forUs(), e.maxUs(), false, e.instance()));
            }
        }
        Long duration = durationUs;
        if (duration != null) for (Step s : moved) duration = Math.max(duration, s.deadlineUs());
        return new Drill(source, name, description, presetName, topology, seed, duration, List.copyOf(moved), restore, warnings, translations, stepIds);
    }

    /** The step's {@code id} when the file gives one, else null. */
    public String stepId(Step step) { return stepIds.get(step.index()); }
}
