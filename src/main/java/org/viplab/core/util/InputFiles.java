package org.viplab.core.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading a file the user names (a drill, a topology): only a regular file, at most a given size, UTF-8 text,
 * and every refusal a sentence naming the file (and, for bad bytes, the byte offset and line).
 */
public final class InputFiles {
    /** Drill and topology files are kilobytes; 4 MiB leaves room and bounds memory. */
    public static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

    /** A file that cannot be used; the message names it. */
    public static final class InputFileException extends IOException {
        private final String detail;

        public InputFileException(String name, String detail) {
            super(name + ": " + detail);
            this.detail = detail;
        }

        /** What is wrong, without the file's name. */
        public String detail() { return detail; }
    }

    private InputFiles() { }

    /** The file's text, or an {@link InputFileException} saying why not ({@link NoSuchFileException} when it is missing). */
    public static String readText(Path file, long maxBytes) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        if (!Files.isRegularFile(file)) throw new InputFileException(file.toString(), "not a regular file (a directory, device or pipe is not read)");
        long size = Files.size(file);
        if (size > maxBytes) throw new InputFileException(file.toString(), size(size) + " is over the " + size(maxBytes) + " limit for this kind of file");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) maxBytes + 1); // a file that grew after the size check is still bounded
        }
        if (bytes.length > maxBytes) throw new InputFileException(file.toString(), "over the " + size(maxBytes) + " limit for this kind of file");
        return decode(file.toString(), bytes);
    }

    /** UTF-8 text, or an exception naming the first bad byte's offset and line. */
    public static String decode(String name, byte[] bytes) throws InputFileException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw new InputFileException(name, String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02x at byte offset %d (line %d); is it a binary file?",
                    bytes[offset] & 0xff, offset, line));
        }
        d.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        if (bytes >= 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return bytes + " bytes";
    }
}
