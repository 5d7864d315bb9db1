package org.viplab.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which machines start JavaFX in its software pipeline: those without a device OpenGL could draw on. */
class AppLauncherTest {
    @Test
    void aDrmRenderNodeIsAGpu(@TempDir Path dev) throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        assertFalse(AppLauncher.hasGpuDevice(dev), "a display controller alone (card0) renders nothing");
        Files.createFile(dev.resolve("dri/renderD128"));
        assertTrue(AppLauncher.hasGpuDevice(dev));
    }

    @Test
    void nvidiasOwnDriverIsAGpu(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("nvidia0"));
        assertTrue(AppLauncher.hasGpuDevice(dev));
    }

    @Test
    void noDriFolderIsNoGpu(@TempDir Path dev) {
        assertFalse(AppLauncher.hasGpuDevice(dev), "Xvfb in a container or a VM without a virtual GPU");
    }
}
