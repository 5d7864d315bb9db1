package org.viplab.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Verdict;
import org.viplab.testing.Drills;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens report.html in headless Chromium (Debian's chromium) and checks what a reader would see. */
class ReportChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void reportRendersWithChartsAndVerdicts(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "skipped: /usr/bin/chromium is not installed (Debian package 'chromium'; .ci/run installs it)");
        DrillResult r = Drills.run("split", Drills.SPLIT_BRAIN);
        ReportWriter.write(r, dir, new ReportOptions(Locale.ENGLISH, true, null));
        Path html = dir.resolve("report.html");
        String page = Files.readString(html);
        assertEquals(3, ReportWriterTest.count(page, "<svg"), "three charts");
        for (Verdict v : r.verdicts()) {
            String status = v.status().name().toLowerCase(Locale.ROOT);
            assertTrue(page.contains("data-step=\"" + v.step().index() + "\" data-verdict=\"" + status + "\""), "verdict of step " + v.step().index());
        }

        Path shot = dir.resolve("report.png");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + shot, "--window-size=1280,2000", html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.exists(shot), "screenshot written; log: " + Files.readString(dir.resolve("chromium.log")));
        Path kept = Path.of("target", "screenshots", "report-chromium.png");
        Files.createDirectories(kept.getParent());
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);

        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1280, img.getWidth());
        // non-blank: many distinct colours, among them the charts' host colours and the failed verdict's red
        Set<Integer> colours = new HashSet<>();
        boolean hostBlue = false;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (near(rgb, 0x1f77b4)) hostBlue = true;
            }
        }
        assertTrue(colours.size() > 50, "a rendered page, not a blank one: " + colours.size() + " colours");
        assertTrue(hostBlue, "the charts (db1's blue) are visible in the first 2000 px");
    }

    private static boolean near(int rgb, int target) {
        int dr = Math.abs(((rgb >> 16) & 0xff) - ((target >> 16) & 0xff));
        int dg = Math.abs(((rgb >> 8) & 0xff) - ((target >> 8) & 0xff));
        int db = Math.abs((rgb & 0xff) - (target & 0xff));
        return dr + dg + db < 24;
    }
}
