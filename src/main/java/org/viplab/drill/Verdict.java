package org.viplab.drill;

/** The outcome of one step: actions are "done", expectations pass or fail with what was seen. */
public record Verdict(Step step, Status status, String detail) {
    public enum Status { DONE, PASSED, FAILED, PENDING }

    public boolean failed() { return status == Status.FAILED; }
}
