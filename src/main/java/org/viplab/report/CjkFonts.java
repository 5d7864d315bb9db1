package org.viplab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, at run time, a font file with the Chinese glyphs for the PDF (a PDF must embed its fonts; the
 * viewer's may have none). {@code VIPLAB_CJK_FONT} (environment) or {@code viplab.cjkFont} (system property)
 * names one explicitly; otherwise Debian's packages are looked for.
 */
public final class CjkFonts {
    /**
     * Where Debian and Ubuntu put fonts-wqy-microhei / -zenhei and fonts-noto-cjk. The WenQuanYi fonts come first:
     * they have TrueType outlines, which PDFBox embeds; Noto CJK's are CFF, which it may not.
     */
    static final List<String> KNOWN = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc");

    /** What to tell the user when none is found. */
    public static final String MISSING = "no font with Chinese glyphs found for the PDF; install one (Debian: "
            + "apt-get install fonts-wqy-microhei, or fonts-noto-cjk) or set VIPLAB_CJK_FONT to a .ttf/.ttc file";

    private CjkFonts() { }

    /** The first readable candidate. */
    public static Optional<Path> find() { return candidates().stream().findFirst(); }

    /** Every readable candidate, the explicit one first. */
    public static List<Path> candidates() {
        List<String> names = new ArrayList<>();
        String explicit = System.getProperty("viplab.cjkFont", System.getenv("VIPLAB_CJK_FONT"));
        if (explicit != null && !explicit.isBlank()) names.add(explicit);
        names.addAll(KNOWN);
        List<Path> out = new ArrayList<>();
        for (String c : names) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p) && Files.isReadable(p)) out.add(p);
        }
        return out;
    }
}
