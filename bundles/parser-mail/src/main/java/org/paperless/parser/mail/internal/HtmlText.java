package org.paperless.parser.mail.internal;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Plain text of an HTML mail body: words as a browser shows them, block elements on lines of their own. */
final class HtmlText implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "dl", "dt", "dd", "address", "section", "article",
            "header", "footer", "form", "center");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template", "noscript");

    /** Blanks before a line break, matched only from the first blank of a run (else quadratic in the run). */
    private static final Pattern TRAILING_BLANKS = Pattern.compile("(?<![ \\t])[ \\t]++\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private final StringBuilder out = new StringBuilder();
    private int skipping;
    private int pre;

    private HtmlText() {
    }

    static String of(Document html) {
        HtmlText visitor = new HtmlText();
        NodeTraversor.traverse(visitor, html);
        String text = TRAILING_BLANKS.matcher(visitor.out).replaceAll("\n");
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /**
     * Where HTML of {@code bytes} is to be cut to keep {@code maxTags} tags: before the next '<' (a byte that
     * is never part of a longer character in the charsets mails use), or the end.
     */
    static int endOfTags(byte[] bytes, int maxTags) {
        int tags = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '<' && ++tags > maxTags) {
                return i;
            }
        }
        return bytes.length;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof Element element) {
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipping++;
            } else if (skipping == 0) {
                if ("br".equals(tag)) {
                    out.append('\n');
                } else if (BLOCKS.contains(tag)) {
                    paragraph(tag);
                    if ("li".equals(tag)) {
                        out.append("- ");
                    }
                } else if ("td".equals(tag) || "th".equals(tag)) {
                    out.append(' ');
                }
                if ("pre".equals(tag)) {
                    pre++;
                }
            }
        } else if (node instanceof TextNode text && skipping == 0) {
            if (pre > 0) {
                out.append(text.getWholeText());
            } else {
                String words = text.text(); // whitespace normalised, entities decoded
                boolean atLineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n'
                        || out.charAt(out.length() - 1) == ' ';
                out.append(atLineStart ? words.stripLeading() : words);
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                skipping--;
            } else if (skipping == 0 && BLOCKS.contains(tag)) {
                if ("pre".equals(tag)) {
                    pre--;
                }
                paragraph(tag);
            }
        }
    }

    /** Paragraph-like blocks get a blank line around them, list items and rows just a line break. */
    private void paragraph(String tag) {
        boolean tight = "li".equals(tag) || "tr".equals(tag) || "dt".equals(tag) || "dd".equals(tag);
        int wanted = tight ? 1 : 2;
        int have = 0; // counted only as far as needed: a thousand <br> before each <p> must not be recounted
        for (int i = out.length() - 1; i >= 0 && have < wanted && out.charAt(i) == '\n'; i--) {
            have++;
        }
        if (out.isEmpty()) {
            return;
        }
        for (; have < wanted; have++) {
            out.append('\n');
        }
    }
}
