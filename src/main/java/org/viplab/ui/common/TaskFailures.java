package org.viplab.ui.common;

import org.viplab.core.util.Failures;
import org.viplab.drill.DrillException;

import java.util.Locale;

/**
 * What a background task's failure says to the user: the failure under the future's wrapping, a drill file's
 * problem with its file:line, an engine's in the user's language. The Sweep tab and the Tune dialog share it.
 */
public final class TaskFailures {
    private TaskFailures() { }

    public static String text(Throwable err, Locale locale) {
        Throwable c = Failures.root(err);
        return c instanceof DrillException de ? de.toString() : Failures.text(c).render(locale);
    }
}
