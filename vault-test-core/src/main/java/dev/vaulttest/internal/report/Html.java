package dev.vaulttest.internal.report;

import dev.vaulttest.internal.Redactor;

/** Escapes text for HTML and inline SVG; redacts it first, so nothing reaches a page unredacted. */
final class Html {

    private Html() {
    }

    /**
     * Redacts and escapes text for an element body or a quoted attribute value.
     *
     * @param text any text, {@code null} becomes empty
     * @return text safe to place between tags or inside double or single quotes
     */
    static String text(String text) {
        if (text == null) {
            return "";
        }
        String redacted = Redactor.redact(text);
        StringBuilder out = new StringBuilder(redacted.length() + 16);
        for (int i = 0; i < redacted.length(); i++) {
            char c = redacted.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
