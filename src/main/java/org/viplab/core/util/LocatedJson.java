package org.viplab.core.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader that remembers the line and column of every value, so that a drill file's errors can
 * say where they are ("steps[2] at line 14: unknown action 'stpo'"), which a plain tree parser forgets.
 */
public final class LocatedJson {
    /** A value with where it started. */
    public sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {
        int line();

        int column();

        default String typeName() {
            if (this instanceof Obj) return "an object";
            if (this instanceof Arr) return "a list";
            if (this instanceof Str) return "a string";
            if (this instanceof Num) return "a number";
            if (this instanceof Bool) return "true or false";
            return "null";
        }
    }

    public record Obj(int line, int column, Map<String, Node> members) implements Node {
        public Node get(String key) { return members.get(key); }
    }

    public record Arr(int line, int column, List<Node> items) implements Node { }

    public record Str(int line, int column, String value) implements Node { }

    public record Num(int line, int column, double value, String text) implements Node { }

    public record Bool(int line, int column, boolean value) implements Node { }

    public record Null(int line, int column) implements Node { }

    /** A syntax error with its position. */
    public static final class ParseException extends Exception {
        public final int line;
        public final int column;

        public ParseException(int line, int column, String message) {
            super("line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private LocatedJson(String text) { this.text = text; }

    public static Node parse(String text) throws ParseException {
        LocatedJson p = new LocatedJson(text);
        p.skipSpace();
        Node n = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected text after the end of the JSON value");
        return n;
    }

    private ParseException error(String msg) { return new ParseException(line, pos - lineStart + 1, msg); }

    private Node value(int depth) throws ParseException {
        if (depth > 200) throw error("nested too deeply");
        if (pos >= text.length()) throw error("unexpected end of file");
        int l = line;
        int c = pos - lineStart + 1;
        char ch = text.charAt(pos);
        switch (ch) {
            case '{':
                return object(l, c, depth);
            case '[':
                return array(l, c, depth);
            case '"':
                return new Str(l, c, string());
            case 't':
                expectWord("true");
                return new Bool(l, c, true);
            case 'f':
                expectWord("false");
                return new Bool(l, c, false);
            case 'n':
                expectWord("null");
                return new Null(l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) return number(l, c);
                throw error("expected a value but found '" + ch + "'");
        }
    }

    private Obj object(int l, int c, int depth) throws ParseException {
        pos++;
        Map<String, Node> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new Obj(l, c, m);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a quoted key");
            String key = string();
            skipSpace();
            if (peek() != ':') throw error("expected ':' after \"" + key + "\"");
            pos++;
            skipSpace();
            if (m.containsKey(key)) throw error("the key \"" + key + "\" appears twice");
            m.put(key, value(depth + 1));
            skipSpace();
            char ch = peek();
            if (ch == ',') {
                pos++;
                continue;
            }
            if (ch == '}') {
                pos++;
                return new Obj(l, c, Collections.unmodifiableMap(m));
            }
            throw error("expected ',' or '}' in an object (a missing comma?)");
        }
    }

    private Arr array(int l, int c, int depth) throws ParseException {
        pos++;
        List<Node> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new Arr(l, c, items);
        }
        while (true) {
            skipSpace();
            items.add(value(depth + 1));
            skipSpace();
            char ch = peek();
            if (ch == ',') {
                pos++;
                continue;
            }
            if (ch == ']') {
                pos++;
                return new Arr(l, c, Collections.unmodifiableList(items));
            }
            throw error("expected ',' or ']' in a list (a missing comma?)");
        }
    }

    private String string() throws ParseException {
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char ch = text.charAt(pos++);
            if (ch == '"') return b.toString();
            if (ch == '\n') throw error("a string cannot span lines");
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            if (pos >= text.length()) throw error("unterminated string");
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("bad \\u escape");
                    try {
                        b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Num number(int l, int c) throws ParseException {
        int start = pos;
        if (peek() == '-') pos++;
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) pos++;
        String s = text.substring(start, pos);
        try {
            return new Num(l, c, Double.parseDouble(s), s);
        } catch (NumberFormatException e) {
            throw error("bad number " + s);
        }
    }

    private void expectWord(String w) throws ParseException {
        if (!text.startsWith(w, pos)) throw error("expected " + w);
        pos += w.length();
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private void skipSpace() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\n') {
                line++;
                pos++;
                lineStart = pos;
            } else if (ch == ' ' || ch == '\t' || ch == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }
}
