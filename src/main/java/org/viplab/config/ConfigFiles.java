package org.viplab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading config files with a size limit, so a huge or wrong file is refused with a clear message. */
public final class ConfigFiles {
    /** Real keepalived.conf and haproxy.cfg files are kilobytes; 16 MB leaves room and bounds memory and time. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private ConfigFiles() { }

    public static String read(Path file) throws ConfigParseException {
        SourcePos at = SourcePos.of(file, 1, 1);
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigParseException(at, ConfigText.of("config.error.fileTooLarge", size, MAX_BYTES));
            }
            if (!Files.isRegularFile(file)) throw new IOException("not a regular file");
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // bounded even if the file grows after the size check
            }
            if (bytes.length > MAX_BYTES) {
                throw new ConfigParseException(at, ConfigText.of("config.error.fileTooLarge", (long) bytes.length, MAX_BYTES));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigParseException(at, ConfigText.of("config.error.cannotRead", e));
        }
    }

    /** The same limit for text handed over directly. */
    public static void checkSize(String text, String fileName) throws ConfigParseException {
        if (text.length() > MAX_BYTES) {
            throw new ConfigParseException(new SourcePos(fileName, 1, 1), ConfigText.of("config.error.textTooLarge",
                    text.length(), MAX_BYTES));
        }
    }
}
