package org.viplab.app;

import javafx.application.Application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Starts the JavaFX application; kept apart so that headless commands never load JavaFX. */
public final class AppLauncher {
    private AppLauncher() { }

    /** The timeline of the run the window shows, or null before the first; read by {@code appbench} only. */
    private static volatile org.viplab.core.timeline.Timeline shown;

    public static void launch(String[] args) {
        if (System.getProperty("prism.order") == null && !hasGpuDevice()) System.setProperty("prism.order", "sw");
        Application.launch(VipLabApp.class, args);
    }

    /**
     * Whether the machine has a GPU device that OpenGL could use (a DRM render node, or NVIDIA's own driver). Without
     * one (Xvfb in a container, most VMs) JavaFX's OpenGL pipeline refuses Mesa's software OpenGL and falls
     * back to its own software pipeline anyway, after loading Mesa and LLVM for the check (about 50 MB resident
     * that stay mapped, together with GTK's own OpenGL probe, which ./viplab and /usr/bin/viplab turn off with
     * GDK_GL=disable); so it starts there. A -Dprism.order the user gives wins.
     */
    static boolean hasGpuDevice() { return hasGpuDevice(Path.of("/dev")); }

    static boolean hasGpuDevice(Path dev) {
        if (Files.exists(dev.resolve("nvidia0"))) return true;
        try (Stream<Path> nodes = Files.list(dev.resolve("dri"))) {
            return nodes.anyMatch(p -> p.getFileName().toString().startsWith("renderD"));
        } catch (IOException | SecurityException e) {
            return false; // no /dev/dri: no DRM device at all
        }
    }

    /**
     * What the window's current run holds, for {@code appbench}: its figures mean little without how far the run
     * got, since on a busy machine the simulation falls behind its speed and stores fewer events.
     */
    public static org.viplab.core.timeline.Timeline shownTimeline() { return shown; }

    static void showing(org.viplab.core.timeline.Timeline timeline) { shown = timeline; }
}
