package org.paperless.ocr.tesseract.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Page 1 as an RGB PNG about 400 pixels wide, decoded subsampled so a big scan costs little memory. */
final class Thumbnails {

    static final int TARGET_WIDTH = 400;

    private Thumbnails() {
    }

    static byte[] firstPage(Path file, ImageInfo.Page page) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageReaders.forStream(in).orElseThrow(() -> new IOException("no image reader"));
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, page.width() / (2 * TARGET_WIDTH));
                param.setSourceSubsampling(step, step, 0, 0);
                return png(scale(reader.read(0, param)));
            } finally {
                reader.dispose();
            }
        }
    }

    static BufferedImage scale(BufferedImage source) {
        int width = Math.min(TARGET_WIDTH, source.getWidth());
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent parts of a PNG or GIF show as paper
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }
}
