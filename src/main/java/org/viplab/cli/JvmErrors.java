package org.viplab.cli;

/** One line for an {@link Error} that ended a command: what ran out, and what to do about it. */
final class JvmErrors {
    private JvmErrors() { }

    static String describe(Error e) {
        if (e instanceof OutOfMemoryError) {
            long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
            String what = e.getMessage() == null || e.getMessage().isBlank() ? "memory" : e.getMessage();
            return "out of memory (" + what + ", max heap " + maxMiB + " MiB): shorten the run or give java a larger -Xmx";
        }
        if (e instanceof StackOverflowError) return "out of stack space (the input nests too deeply); give java a larger -Xss";
        return "internal error: " + e;
    }
}
