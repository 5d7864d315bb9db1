package org.viplab.config;

import java.nio.file.Path;

/** Where something was read: file, 1-based line and column. Every parsed item keeps one for lint findings. */
public record SourcePos(String file, int line, int column) {
    public static SourcePos of(Path file, int line, int column) {
        return new SourcePos(file == null ? "<input>" : file.toString(), line, column);
    }

    /** {@code file:line:col}, the form editors and compilers use. */
    @Override
    public String toString() { return file + ":" + line + ":" + column; }
}
