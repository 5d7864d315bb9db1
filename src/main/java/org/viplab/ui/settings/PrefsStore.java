package org.viplab.ui.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.viplab.core.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads and writes {@code prefs.json} in the user's config directory: {@code $viplab.configDir} if set
 * (tests), else {@code $XDG_CONFIG_HOME/viplab}, else {@code ~/.config/viplab}. Writes are atomic and run on
 * a background thread, one at a time, so the FX thread never waits for the disk.
 */
public final class PrefsStore implements AutoCloseable {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "viplab-prefs");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastError;

    public PrefsStore(Path dir) { this.file = dir.resolve("prefs.json"); }

    public static Path defaultDir() {
        String prop = System.getProperty("viplab.configDir");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("viplab");
    }

    public Path file() { return file; }

    /** The saved preferences, or defaults when there are none or the file is unreadable (never throws). */
    public Prefs load() {
        try {
            if (!Files.exists(file)) return new Prefs();
            Prefs p = GSON.fromJson(Files.readString(file), Prefs.class);
            return p == null ? new Prefs() : sane(p);
        } catch (IOException | JsonParseException e) {
            lastError = file + ": " + e.getMessage();
            return new Prefs();
        }
    }

    /** Saves a copy in the background; the returned future completes when it is on disk. */
    public Future<?> saveAsync(Prefs prefs) {
        String json;
        try {
            json = GSON.toJson(sane(prefs.copy())) + "\n";
        } catch (RuntimeException e) { // preferences must never stop the app
            lastError = file + ": " + e.getMessage();
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        if (writer.isShutdown()) return java.util.concurrent.CompletableFuture.completedFuture(null);
        return writer.submit(() -> {
            try {
                AtomicFiles.writeString(file, json);
            } catch (IOException e) {
                lastError = file + ": " + e.getMessage();
            }
        });
    }

    /** The last read or write problem, or null. */
    public String lastError() { return lastError; }

    private static Prefs sane(Prefs p) {
        if (p.x != null && !Double.isFinite(p.x) || p.y != null && !Double.isFinite(p.y)) {
            p.x = null; // an older file may hold NaN: let the platform place the window
            p.y = null;
        }
        if (!(p.width >= 400) || p.width > 20000) p.width = 1400;
        if (!(p.height >= 300) || p.height > 20000) p.height = 900;
        if (!(p.fontScale >= 0.5 && p.fontScale <= 4)) p.fontScale = 1.0;
        if (!"dark".equals(p.theme)) p.theme = "light";
        if (p.language == null) p.language = "en";
        return p;
    }

    /** Waits (briefly) for pending writes, e.g. when the app exits. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
