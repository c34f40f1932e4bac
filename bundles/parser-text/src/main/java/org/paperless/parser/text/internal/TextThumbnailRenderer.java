package org.paperless.parser.text.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/** Draws the first lines of a text as a small A4-shaped page, so text documents get a thumbnail too. */
final class TextThumbnailRenderer {

    static final int WIDTH = 400;
    static final int HEIGHT = 566;
    static final int MAX_LINES = 40;
    private static final int MARGIN = 16;
    /** Enough for a line that fills the width; longer lines are cut, not wrapped. */
    static final int MAX_COLUMNS = 120;

    private TextThumbnailRenderer() {
    }

    static byte[] render(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
            g.setColor(Color.DARK_GRAY);
            FontMetrics metrics = g.getFontMetrics();
            int y = MARGIN + metrics.getAscent();
            for (String line : firstLines(text)) {
                if (y > HEIGHT - MARGIN) {
                    break;
                }
                g.drawString(line, MARGIN, y);
                y += metrics.getHeight();
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * The first {@link #MAX_LINES} lines, each cut to {@link #MAX_COLUMNS} columns (a tab is four). Only
     * what is drawn is copied: a text of one 30-million-character line costs one pass, not a copy of it.
     */
    static List<String> firstLines(CharSequence text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(MAX_COLUMNS + 4);
        int i = 0;
        while (i < text.length() && lines.size() < MAX_LINES) {
            char c = text.charAt(i++);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                lines.add(line.toString());
                line.setLength(0);
            } else if (c == '\t' && line.length() < MAX_COLUMNS) {
                line.append("    ");
            } else if (line.length() < MAX_COLUMNS) {
                line.append(c);
            } // the rest of a line too long to draw is passed over
        }
        if (!line.isEmpty() && lines.size() < MAX_LINES) {
            lines.add(line.toString());
        }
        lines.replaceAll(drawn -> drawn.length() > MAX_COLUMNS ? drawn.substring(0, MAX_COLUMNS) : drawn);
        return lines;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }
}
