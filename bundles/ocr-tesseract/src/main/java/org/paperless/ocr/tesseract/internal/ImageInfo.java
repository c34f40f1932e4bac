package org.paperless.ocr.tesseract.internal;

import java.util.List;

/**
 * What an image file's header says, read without decoding any pixels.
 *
 * @param formatName the ImageIO format name (png, jpeg, tiff, gif, bmp)
 * @param pages width, height and resolution (dots per inch, 0 when the file records none) of each page
 */
record ImageInfo(String formatName, List<Page> pages) {

    record Page(int width, int height, int dpi) {
    }
}
