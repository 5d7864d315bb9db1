package org.viplab.exercise;

/** A problem in an exercise or answer file, with where it is: "FILE:LINE:COLUMN: what is wrong". */
public final class ExerciseException extends Exception {
    public ExerciseException(String source, int line, int column, String message) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message);
    }
}
