package org.paperless.storage.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** cwebp (Debian's webp package, which ./paperless installs) on real images, and what happens without it. */
class WebpEncoderComponentTest {

    @Test
    void aPngThumbnailBecomesAWebpImage() throws Exception {
        BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, (x * 7 + y * 13) % 255 * 0x010101);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] webp = new WebpEncoderComponent().encode(png.toByteArray());
        assertEquals("RIFF", new String(webp, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(webp, 8, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void aDamagedImageAndAMissingEncoderSayWhy() {
        IOException damaged = assertThrows(IOException.class,
                () -> new WebpEncoderComponent().encode("not a PNG at all".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(damaged.getMessage().startsWith("cwebp could not convert the thumbnail"), damaged.getMessage());

        WebpEncoderComponent missing = new WebpEncoderComponent("/nonexistent/cwebp", Duration.ofSeconds(5));
        IOException first = assertThrows(IOException.class, () -> missing.encode(new byte[] {1}));
        assertEquals(WebpEncoderComponent.NOT_INSTALLED, first.getMessage());
        IOException again = assertThrows(IOException.class, () -> missing.encode(new byte[] {1}));
        assertEquals(WebpEncoderComponent.NOT_INSTALLED, again.getMessage(), "not tried again");
    }
}
