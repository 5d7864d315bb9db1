package org.viplab.config;

import org.viplab.core.util.Confined;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * keepalived.conf syntax as keepalived 2.x reads it, into a tree of {@link KNode}s. Words are separated by
 * white space; a word starting with {@code !} or {@code #} starts a comment to the end of the line; double
 * quotes group words; {@code {} and {@code }} open and close blocks and may sit on the same line as other
 * words ({@code authentication { auth_type PASS }}). {@code include PATTERN} reads the files a glob matches,
 * relative to the including file's directory, in sorted order, at the place it appears. An absolute pattern
 * names a file on the host the configuration came from, so it is looked up under the including file's
 * directory too (with leading directories dropped), never on this machine.
 * <p>
 * Iterative (an explicit stack), so deep nesting cannot overflow the Java stack.
 */
public final class KeepalivedSyntax {
    /** keepalived has no documented limit; this stops include loops and pathological input. */
    public static final int MAX_INCLUDE_DEPTH = 8;
    public static final int MAX_DEPTH = 64;

    private final List<Note> notes;
    private final List<Path> filesRead;
    private long totalChars;
    /** The node's folder (the top file's): includes must resolve inside it. */
    private Path folder;

    private KeepalivedSyntax(List<Note> notes, List<Path> filesRead) {
        this.notes = notes;
        this.filesRead = filesRead;
    }

    /** A word as read, with where it started and whether it was quoted (a quoted "{" is not a brace). */
    private record Word(String text, SourcePos pos, boolean quoted, boolean lineStart) { }

    /** Parses a file and its includes into top-level statements. */
    public static List<KNode> parseFile(Path file, List<Note> notes, List<Path> filesRead) throws ConfigParseException {
        KeepalivedSyntax s = new KeepalivedSyntax(notes, filesRead);
        s.folder = file.toAbsolutePath().normalize().getParent();
        s.lexFile(file, 0, new HashSet<>());
        return s.finish(file);
    }

    /** Parses text that is not a file (no includes are resolved: they are reported as notes). */
    public static List<KNode> parseText(String text, String name, List<Note> notes) throws ConfigParseException {
        ConfigFiles.checkSize(text, name);
        KeepalivedSyntax s = new KeepalivedSyntax(notes, new ArrayList<>());
        s.lex(text, name, null, 0, new HashSet<>());
        return s.finish(null);
    }

    private void lexFile(Path file, int depth, Set<Path> stack) throws ConfigParseException {
        String text = ConfigFiles.read(file);
        totalChars += text.length();
        if (totalChars > 4 * ConfigFiles.MAX_BYTES) {
            throw new ConfigParseException(SourcePos.of(file, 1, 1), ConfigText.of("config.error.includesTooLarge",
                    4 * ConfigFiles.MAX_BYTES));
        }
        filesRead.add(file);
        Path key = file.toAbsolutePath().normalize();
        stack.add(key);
        lex(text, file.toString(), file, depth, stack);
        stack.remove(key);
    }

    private void lex(String text, String name, Path file, int depth, Set<Path> stack) throws ConfigParseException {
        int n = text.length();
        int line = 1;
        int lineStartIdx = 0;
        int i = 0;
        // Words of the current line, to recognise "include" (it must be the first word on its line).
        List<Word> lineWords = new ArrayList<>();
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || i == n) {
                flushLine(lineWords, file, depth, stack);
                line++;
                lineStartIdx = i + 1;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                i++;
                continue;
            }
            SourcePos pos = new SourcePos(name, line, i - lineStartIdx + 1);
            boolean first = lineWords.isEmpty();
            if (c == '!' || c == '#') {
                while (i < n && text.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '{' || c == '}') {
                lineWords.add(new Word(String.valueOf(c), pos, false, first));
                i++;
                continue;
            }
            StringBuilder b = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                char d = text.charAt(i);
                if (d == '"') {
                    quoted = true;
                    int close = text.indexOf('"', i + 1);
                    int eol = text.indexOf('\n', i + 1);
                    if (close < 0 || (eol >= 0 && close > eol)) {
                        throw new ConfigParseException(new SourcePos(name, line, i - lineStartIdx + 1),
                                ConfigText.of("config.error.unterminatedQuote", "\""));
                    }
                    b.append(text, i + 1, close);
                    i = close + 1;
                    continue;
                }
                if (d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '\f' || d == 0x0B || d == '{' || d == '}') break;
                b.append(d);
                i++;
            }
            lineWords.add(new Word(b.toString(), pos, quoted, first));
        }
    }

    private void flushLine(List<Word> lineWords, Path file, int depth, Set<Path> stack) throws ConfigParseException {
        if (lineWords.isEmpty()) return;
        Word w0 = lineWords.get(0);
        if (!w0.quoted && w0.text.equals("include")) {
            if (lineWords.size() < 2) throw new ConfigParseException(w0.pos, ConfigText.of("config.error.includeNeedsFile"));
            if (file == null) {
                notes.add(new Note(w0.pos, ConfigText.of("config.note.includeNoBase", lineWords.get(1).text)));
            } else {
                include(lineWords.get(1), file, depth, stack);
            }
            lineWords.clear();
            return;
        }
        for (Word w : lineWords) feed(w);
        lineWords.clear();
    }

    private void include(Word pattern, Path file, int depth, Set<Path> stack) throws ConfigParseException {
        if (depth + 1 > MAX_INCLUDE_DEPTH) {
            throw new ConfigParseException(pattern.pos, ConfigText.of("config.error.includeTooDeep", MAX_INCLUDE_DEPTH));
        }
        Path base = file.toAbsolutePath().getParent();
        String p = pattern.text;
        List<Path> matches;
        if (p.startsWith("/")) {
            // The files were copied off the host into a node directory: an absolute path such as
            // /etc/keepalived/conf.d/*.conf names the host's file, never this machine's. Look it up under the
            // directory of the including file, dropping leading directories until something matches.
            matches = List.of();
            String[] parts = p.substring(1).split("/");
            for (int i = 0; i < parts.length && matches.isEmpty(); i++) {
                String rel = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
                matches = glob(base, rel);
                if (!matches.isEmpty()) notes.add(new Note(pattern.pos, ConfigText.of("config.note.includeAbsolute", p,
                        base.resolve(rel))));
            }
        } else {
            matches = glob(base, p);
        }
        if (matches.isEmpty()) {
            notes.add(new Note(pattern.pos, ConfigText.of("config.note.includeNoMatch", p)));
            return;
        }
        for (Path m : matches) {
            // "include ../../../../proc/self/environ" or a symlink out of the folder: refused, never read
            if (folder != null && Confined.inside(folder, m) == null) {
                // name the path as written (/proc/self/...), or where a symlink inside the folder leads
                Path shown = m.toAbsolutePath().normalize();
                try {
                    if (shown.startsWith(folder)) shown = m.toRealPath();
                } catch (IOException | RuntimeException e) {
                    // keep the normalised path
                }
                throw new ConfigParseException(pattern.pos, ConfigText.of("config.error.includeOutside", p, shown, folder));
            }
            Path key = m.toAbsolutePath().normalize();
            if (stack.contains(key)) throw new ConfigParseException(pattern.pos, ConfigText.of("config.error.includeLoop", m));
            lexFile(m, depth + 1, stack);
        }
    }

    /** Expands a glob in its last path element; directories above it are taken literally. */
    static List<Path> glob(Path base, String pattern) {
        Path p;
        try {
            p = Path.of(pattern);
        } catch (RuntimeException e) {
            return new ArrayList<>(); // not a valid path here: reported as matching no file
        }
        if (!p.isAbsolute() && base != null) p = base.resolve(p);
        Path dir = p.getParent();
        String last = p.getFileName() == null ? "" : p.getFileName().toString();
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return out;
        if (!last.contains("*") && !last.contains("?") && !last.contains("[")) {
            if (Files.isRegularFile(p)) out.add(p);
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
            for (Path q : ds) if (Files.isRegularFile(q)) out.add(q);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    // ---- the statement tree, built as words arrive (no list of every word is kept) ----------------

    private final List<KNode> root = new ArrayList<>();
    private final Deque<KNode> open = new ArrayDeque<>();
    private List<KNode> cur = root;
    private KNode stmt;

    /** A statement runs to the end of its line or to a brace. */
    private void feed(Word w) throws ConfigParseException {
        if (!w.quoted && w.text.equals("{")) {
            if (stmt == null) throw new ConfigParseException(w.pos, ConfigText.of("config.error.braceWithoutKeyword"));
            if (stmt.children != null) throw new ConfigParseException(w.pos, ConfigText.of("config.error.secondBrace"));
            if (open.size() >= MAX_DEPTH) throw new ConfigParseException(w.pos, ConfigText.of("config.error.blocksTooDeep", MAX_DEPTH));
            stmt.children = new ArrayList<>();
            open.push(stmt);
            cur = stmt.children;
            stmt = null;
            return;
        }
        if (!w.quoted && w.text.equals("}")) {
            if (open.isEmpty()) throw new ConfigParseException(w.pos, ConfigText.of("config.error.unexpectedClose"));
            open.pop();
            cur = open.isEmpty() ? root : open.peek().children;
            stmt = null;
            return;
        }
        if (stmt == null || w.lineStart) {
            stmt = new KNode(w.text, w.pos);
            cur.add(stmt);
        } else {
            stmt.args.add(w.text);
            stmt.argPos.add(w.pos);
        }
    }

    private List<KNode> finish(Path file) throws ConfigParseException {
        if (!open.isEmpty()) {
            KNode o = open.peek();
            throw new ConfigParseException(o.pos, ConfigText.of("config.error.unclosedBlock", o.keyword,
                    ConfigText.of(file == null ? "config.error.unclosedBlock.input" : "config.error.unclosedBlock.file")));
        }
        return root;
    }
}
