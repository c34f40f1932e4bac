package org.paperless.bench.corpus;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws one page as a scanner would deliver it: 8-bit grey A4 at 150 dpi, a paper tint, text slightly
 * rotated, light sensor noise and dust speckles. Enough to exercise OCR and image handling, not to fool anyone.
 */
final class ScanRenderer {
    static final int DPI = 150;
    static final int WIDTH = 1240;
    static final int HEIGHT = 1754;
    /** 11 pt at 150 dpi. */
    private static final int FONT_PX = Math.round(11f * DPI / 72);
    private static final int LEFT = 130;
    private static final int TOP = 150;
    private static final int LEADING = 30;

    static {
        // Must be set before the first AWT class initialises; servers and CI have no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ScanRenderer() {}

    static BufferedImage render(GeneratedDocument d, int page, Random r) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        int paper = 226 + r.nextInt(22);
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        // Paper fed a little askew; translate a few pixels too, as the sheet never sits exactly at the corner.
        g.translate(r.nextInt(21) - 10, r.nextInt(21) - 10);
        g.rotate(Math.toRadians((r.nextDouble() * 2 - 1) * 1.5), WIDTH / 2.0, HEIGHT / 2.0);
        int ink = 20 + r.nextInt(50);
        g.setColor(new Color(ink, ink, ink));
        String family = d.serif() ? Font.SERIF : Font.SANS_SERIF;
        Font regular = new Font(family, Font.PLAIN, FONT_PX);
        Font bold = new Font(family, Font.BOLD, Math.round(FONT_PX * 1.15f));
        Font letterhead = new Font(family, Font.BOLD, Math.round(FONT_PX * 1.5f));
        List<String> lines = d.pages().get(page);
        int body = lines.size() - 1;
        for (int i = 0; i < body; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            Font font = page == 0 && i == 0 ? letterhead : line.equals(d.title()) ? bold : regular;
            draw(g, font, line, TOP + i * LEADING + (page == 0 && i == 0 ? 0 : 10));
        }
        draw(g, regular.deriveFont(FONT_PX * 0.7f), lines.get(body), HEIGHT - 90);
        g.dispose();
        degrade(((DataBufferByte) img.getRaster().getDataBuffer()).getData(), r);
        return img;
    }

    private static void draw(Graphics2D g, Font font, String line, int y) {
        FontMetrics fm = g.getFontMetrics(font);
        int width = fm.stringWidth(line);
        int max = WIDTH - 2 * LEFT;
        g.setFont(width > max ? font.deriveFont(font.getSize2D() * max / width) : font);
        g.drawString(line, LEFT, y);
    }

    /**
     * Sensor noise of -1..+2 grey levels (stronger noise doubles the PNG size) and some dust specks.
     * An inline xorshift, because Random per pixel would cost more than the drawing (2 M pixels a page).
     */
    private static void degrade(byte[] px, Random r) {
        long x = r.nextLong() | 1;
        for (int i = 0; i < px.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int v = (px[i] & 0xFF) + (int) ((x >>> 62) & 3) - 1;
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        int specks = 150 + r.nextInt(500);
        for (int s = 0; s < specks; s++) {
            int cx = r.nextInt(WIDTH);
            int cy = r.nextInt(HEIGHT);
            int size = 1 + r.nextInt(3);
            int grey = 40 + r.nextInt(120);
            for (int dy = 0; dy < size && cy + dy < HEIGHT; dy++) {
                for (int dx = 0; dx < size && cx + dx < WIDTH; dx++) {
                    px[(cy + dy) * WIDTH + cx + dx] = (byte) grey;
                }
            }
        }
    }

    static void writePng(BufferedImage img, OutputStream out) throws IOException {
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }
}
