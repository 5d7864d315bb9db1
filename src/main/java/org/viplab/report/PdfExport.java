package org.viplab.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** report.pdf from the very XHTML of report.html, with a CJK font embedded (subset) when one is installed. */
final class PdfExport {
    /** The family name style.css asks for first; only the PDF renderer knows it. */
    static final String FAMILY = "VipLab CJK";
    /** The collection's monospace face (config files, times, code): embedded, so the PDF never falls back to Courier. */
    static final String MONO_FAMILY = "VipLab CJK Mono";

    static {
        // both libraries log to the console by default; the report's warnings are ours to give
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        java.util.logging.Logger.getLogger("org.apache.pdfbox").setLevel(java.util.logging.Level.SEVERE);
        java.util.logging.Logger.getLogger("org.apache.fontbox").setLevel(java.util.logging.Level.SEVERE);
    }

    private PdfExport() { }

    /** @return a warning for the user, or null */
    static synchronized String write(String xhtml, OutputStream out, boolean needsCjk) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.usePDDocument(doc);
            b.withProducer("VIP Lab " + org.viplab.drill.BuildInfo.current().version());
            b.withHtmlContent(xhtml, null);
            String warning = null;
            PDFont font = cjkFont(doc);
            if (font != null) {
                // one face for regular and bold: the CJK fonts ship no bold, and a collection's other faces (Mono) must not stand in
                b.useFont(new PDFontSupplier(font), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                b.useFont(new PDFontSupplier(font), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
                PDFont mono = monoFont(doc);
                PDFont monoOrRegular = mono != null ? mono : font;
                b.useFont(new PDFontSupplier(monoOrRegular), MONO_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                b.useFont(new PDFontSupplier(monoOrRegular), MONO_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            } else if (needsCjk) {
                warning = CjkFonts.MISSING + "; the Chinese text of report.pdf will not show";
            }
            b.toStream(out);
            b.run();
            return warning;
        }
    }

    /** Parsed once per run: a CJK collection is megabytes, and parsing it cost more than the rest of the PDF. */
    private static TrueTypeFont cachedFont;
    private static boolean searched;

    /** The first installed CJK font PDFBox can embed (TrueType outlines; CFF-based collections are skipped). */
    private static synchronized PDFont cjkFont(PDDocument doc) {
        if (!searched) {
            searched = true;
            cachedFont = findFont();
        }
        if (cachedFont == null) return null;
        try {
            return PDType0Font.load(doc, cachedFont, true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static TrueTypeFont cachedMono;

    private static synchronized PDFont monoFont(PDDocument doc) {
        if (cachedMono == null) return null;
        try {
            return PDType0Font.load(doc, cachedMono, true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static TrueTypeFont findFont() {
        for (Path p : CjkFonts.candidates()) {
            try {
                if (p.toString().toLowerCase().endsWith(".ttc")) {
                    TrueTypeCollection ttc = new TrueTypeCollection(p.toFile()); // kept open: the font reads from it
                    List<TrueTypeFont> fonts = new ArrayList<>();
                    ttc.processAllFonts(fonts::add);
                    // the proportional face: "WenQuanYi Micro Hei" rather than "... Mono", "Noto Sans CJK SC" rather than "... JP"
                    TrueTypeFont pick = fonts.stream().filter(f -> name(f).matches("(?i).*(sc|hei)$")).findFirst()
                            .orElse(fonts.isEmpty() ? null : fonts.get(0));
                    cachedMono = fonts.stream().filter(f -> name(f).matches("(?i).*mono.*")).findFirst().orElse(null);
                    if (pick != null && pick.getUnicodeCmapLookup() != null) return pick;
                } else {
                    TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()));
                    if (f.getUnicodeCmapLookup() != null) return f;
                }
            } catch (IOException | RuntimeException e) {
                // not embeddable (e.g. CFF outlines): try the next one
            }
        }
        return null;
    }

    private static String name(TrueTypeFont f) {
        try {
            return f.getName() == null ? "" : f.getName().replaceAll("[^A-Za-z]", " ").trim();
        } catch (IOException e) {
            return "";
        }
    }
}
