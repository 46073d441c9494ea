package dev.vaulttest.internal.rendered;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict syntax check of the HCL that Vault reads, run before hcl4j builds the values.
 *
 * <p>hcl4j is lenient: it drops unclosed blocks, turns {@code foo bar baz} into an empty document and
 * reads {@code address = } as {@code null}. Vault's own parser rejects all of these, so this check
 * does too. It covers Vault's configuration language: items {@code key ["label" ...] { body }} and
 * {@code key = value}, with strings (escapes and {@code ${...}} interpolation), heredocs, numbers,
 * booleans, identifiers, lists and objects, and {@code #}, {@code //} and block comments. It does not
 * build values: hcl4j does that once the text is known to be well formed.
 */
final class HclSyntax {

    private enum Kind { STRING, NUMBER, IDENT, HEREDOC, LBRACE, RBRACE, LBRACKET, RBRACKET, EQUALS, COMMA, COLON, EOF }

    private record Token(Kind kind, String text, int line, int column) {
        String describe() {
            return switch (kind) {
                case EOF -> "the end of the configuration";
                case STRING -> "the string " + text;
                case HEREDOC -> "a heredoc";
                default -> "'" + text + "'";
            };
        }
    }

    /** A syntax error with its position; carries no stack trace because it is turned into a message. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(int line, int column, String problem) {
            super("line " + line + ", column " + column + ": " + problem, null, false, false);
        }
    }

    private final List<Token> tokens;
    private int next;

    private HclSyntax(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Checks the syntax of an HCL document.
     *
     * @param text the document
     * @return the first syntax error with its line and column, or empty when the document is well formed
     */
    static Optional<String> check(String text) {
        try {
            new HclSyntax(new Lexer(text).tokens()).body(null);
            return Optional.empty();
        } catch (SyntaxError e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Reads items until EOF (top level) or the closing brace of the block opened by {@code open}. */
    private void body(Token open) {
        while (true) {
            Token t = peek();
            if (t.kind == Kind.EOF) {
                if (open != null) {
                    throw new SyntaxError(open.line, open.column, "the block opened here is never closed with '}'");
                }
                return;
            }
            if (t.kind == Kind.RBRACE) {
                if (open == null) {
                    throw new SyntaxError(t.line, t.column, "'}' closes a block that was never opened");
                }
                next++;
                return;
            }
            item();
            if (peek().kind == Kind.COMMA) {
                next++;
            }
        }
    }

    private void item() {
        Token first = take();
        if (first.kind != Kind.IDENT && first.kind != Kind.STRING) {
            throw new SyntaxError(first.line, first.column, "expected a key such as 'listener' or 'ui' but found "
                    + first.describe());
        }
        Token t = take();
        int keys = 1;
        while (t.kind == Kind.IDENT || t.kind == Kind.STRING) {
            keys++;
            t = take();
        }
        if ((t.kind == Kind.EQUALS || t.kind == Kind.COLON) && keys > 1) {
            throw new SyntaxError(t.line, t.column, "expected '{' to open the block '" + first.text
                    + "' but found " + t.describe() + " after its labels");
        }
        if (t.kind == Kind.EQUALS || t.kind == Kind.COLON) {
            value(t);
        } else if (t.kind == Kind.LBRACE) {
            body(t);
        } else {
            throw new SyntaxError(t.line, t.column, "expected '=' or '{' after '" + first.text + "' but found "
                    + t.describe());
        }
    }

    private void value(Token after) {
        Token t = take();
        switch (t.kind) {
            case STRING, NUMBER, IDENT, HEREDOC -> { }
            case LBRACE -> body(t);
            case LBRACKET -> list(t);
            default -> throw new SyntaxError(t.line, t.column, "expected a value after '" + after.text
                    + "' (line " + after.line + ") but found " + t.describe());
        }
    }

    private void list(Token open) {
        while (true) {
            Token t = peek();
            if (t.kind == Kind.RBRACKET) {
                next++;
                return;
            }
            if (t.kind == Kind.EOF) {
                throw new SyntaxError(open.line, open.column, "the list opened here is never closed with ']'");
            }
            value(open);
            Token sep = take();
            if (sep.kind == Kind.RBRACKET) {
                return;
            }
            if (sep.kind != Kind.COMMA) {
                throw new SyntaxError(sep.line, sep.column, "expected ',' or ']' in the list opened at line "
                        + open.line + " but found " + sep.describe());
            }
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind != Kind.EOF) {
            next++;
        }
        return t;
    }

    /** Splits HCL text into tokens; newlines and comments are dropped (HCL items need no separator). */
    private static final class Lexer {
        private final String s;
        private int pos;
        private int line = 1;
        private int lineStart;
        private final List<Token> out = new ArrayList<>();

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            while (true) {
                skipBlanksAndComments();
                if (pos >= s.length()) {
                    out.add(new Token(Kind.EOF, "", line, column()));
                    return out;
                }
                int startLine = line;
                int startCol = column();
                char c = s.charAt(pos);
                Kind punct = switch (c) {
                    case '{' -> Kind.LBRACE;
                    case '}' -> Kind.RBRACE;
                    case '[' -> Kind.LBRACKET;
                    case ']' -> Kind.RBRACKET;
                    case '=' -> Kind.EQUALS;
                    case ',' -> Kind.COMMA;
                    case ':' -> Kind.COLON;
                    default -> null;
                };
                if (punct != null) {
                    pos++;
                    out.add(new Token(punct, String.valueOf(c), startLine, startCol));
                } else if (c == '"') {
                    out.add(new Token(Kind.STRING, string(), startLine, startCol));
                } else if (c == '<' && s.startsWith("<<", pos)) {
                    out.add(new Token(Kind.HEREDOC, heredoc(), startLine, startCol));
                } else if (Character.isDigit(c) || (c == '-' || c == '+' || c == '.') && pos + 1 < s.length()
                        && Character.isDigit(s.charAt(pos + 1))) {
                    out.add(new Token(Kind.NUMBER, number(), startLine, startCol));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = pos;
                    while (pos < s.length() && isIdentPart(s.charAt(pos))) {
                        pos++;
                    }
                    out.add(new Token(Kind.IDENT, s.substring(start, pos), startLine, startCol));
                } else {
                    throw new SyntaxError(startLine, startCol, "unexpected character '" + c + "'");
                }
            }
        }

        private static boolean isIdentPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }

        private int column() {
            return pos - lineStart + 1;
        }

        private void newline() {
            line++;
            lineStart = pos + 1;
        }

        private void skipBlanksAndComments() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\n') {
                    newline();
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#' || s.startsWith("//", pos)) {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (s.startsWith("/*", pos)) {
                    int startLine = line;
                    int startCol = column();
                    pos += 2;
                    while (pos < s.length() && !s.startsWith("*/", pos)) {
                        if (s.charAt(pos) == '\n') {
                            newline();
                        }
                        pos++;
                    }
                    if (pos >= s.length()) {
                        throw new SyntaxError(startLine, startCol, "the comment opened here is never closed with '*/'");
                    }
                    pos += 2;
                } else {
                    return;
                }
            }
        }

        /** Reads a double-quoted string, including escapes and {@code ${...}} interpolations. */
        private String string() {
            int start = pos;
            int startLine = line;
            int startCol = column();
            pos++;
            while (true) {
                if (pos >= s.length() || s.charAt(pos) == '\n') {
                    throw new SyntaxError(startLine, startCol, "the string starting here is not closed with '\"'"
                            + " on the same line");
                }
                char c = s.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                } else if (c == '"') {
                    pos++;
                    return s.substring(start, pos);
                } else if ((c == '$' || c == '%') && s.startsWith("{", pos + 1)) {
                    interpolation(startLine, startCol);
                } else {
                    pos++;
                }
            }
        }

        private void interpolation(int startLine, int startCol) {
            pos += 2;
            int depth = 1;
            while (depth > 0) {
                if (pos >= s.length() || s.charAt(pos) == '\n') {
                    throw new SyntaxError(startLine, startCol, "the '${' interpolation in the string starting here"
                            + " is not closed with '}'");
                }
                char c = s.charAt(pos);
                if (c == '"') {
                    string();
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                pos++;
            }
        }

        /** Reads {@code <<ID} or {@code <<-ID}, then lines up to one that holds only {@code ID}. */
        private String heredoc() {
            int startLine = line;
            int startCol = column();
            int start = pos;
            pos += 2;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            int idStart = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String id = s.substring(idStart, pos);
            if (id.isEmpty()) {
                throw new SyntaxError(startLine, startCol, "a heredoc needs a delimiter such as <<EOT");
            }
            int eol = s.indexOf('\n', pos);
            if (eol < 0 || !s.substring(pos, eol).isBlank()) {
                throw new SyntaxError(startLine, startCol, "the heredoc <<" + id + " must end its line");
            }
            pos = eol;
            while (pos < s.length()) {
                newline();
                pos++;
                int end = s.indexOf('\n', pos);
                String text = end < 0 ? s.substring(pos) : s.substring(pos, end);
                if (text.strip().equals(id)) {
                    pos = end < 0 ? s.length() : end;
                    return s.substring(start, pos);
                }
                pos = end < 0 ? s.length() : end;
            }
            throw new SyntaxError(startLine, startCol, "the heredoc <<" + id + " is never closed by a line '" + id + "'");
        }

        private String number() {
            int start = pos;
            pos++;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                    || (s.charAt(pos) == '-' || s.charAt(pos) == '+')
                    && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E'))) {
                pos++;
            }
            return s.substring(start, pos);
        }
    }
}
