package org.viplab.core.util;

import java.lang.management.ManagementFactory;

/**
 * Start-up marks for the first-window figure: with {@code -Dviplab.startupTiming=true} (or {@code =exit})
 * each mark prints the milliseconds since the JVM started, the milliseconds since the previous mark and the
 * classes loaded so far, on standard error. Off by default, and then it touches no management bean, so it
 * costs nothing. {@code =exit} also asks the app to quit once its first frame is laid out: the packaging
 * script runs that to record the classes of a start-up for the AppCDS archive.
 */
public final class StartupTiming {
    private static final String MODE = System.getProperty("viplab.startupTiming", "false");
    private static long last = -1;

    private StartupTiming() { }

    public static boolean enabled() { return MODE.equals("true") || MODE.equals("exit"); }

    /** Whether the app should quit after its first frame (the AppCDS training run). */
    public static boolean exitAfterFirstFrame() { return MODE.equals("exit"); }

    public static synchronized void mark(String what) {
        if (!enabled()) return;
        long now = System.currentTimeMillis();
        long sinceStart = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        long step = last < 0 ? sinceStart : now - last;
        last = now;
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.err.printf("startup: %-24s %5d ms (+%4d ms, %5d classes)%n", what, sinceStart, step, classes);
    }
}
