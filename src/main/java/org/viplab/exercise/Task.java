package org.viplab.exercise;

import org.viplab.drill.Drill;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One graded item of an exercise. Texts are by language ("en", "zh-CN"). */
public sealed interface Task {
    String id();

    int points();

    Map<String, String> question();

    List<Hint> hints();

    default String question(Locale locale) { return Exercise.text(question(), locale); }

    /** A hint the trainee may open, at a cost in points. */
    record Hint(Map<String, String> text, int cost) {
        public String text(Locale locale) { return Exercise.text(text, locale); }
    }

    /**
     * Before {@code drill}'s actions run (on the lab with the hidden fault), the trainee says where the VIP will
     * be at its end, which VRRP state each node will be in, and how long clients will be down (longest outage).
     */
    record Predict(String id, int points, Map<String, String> question, List<Hint> hints, Drill drill) implements Task { }

    /** Pick the cause among {@code choices} (id to text by language); {@code answer} is the right choice's id. */
    record Diagnose(String id, int points, Map<String, String> question, List<Hint> hints,
                    Map<String, Map<String, String>> choices, String answer) implements Task { }

    /**
     * Change settings (only the {@code editable} paths) until {@code drill}, run on the lab with the hidden fault
     * and the trainee's changes, passes.
     */
    record Fix(String id, int points, Map<String, String> question, List<Hint> hints, Drill drill, Set<String> editable) implements Task { }
}
