package org.paperless.parser.pdf.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.graphics.BeginInlineImage;
import org.apache.pdfbox.contentstream.operator.graphics.GraphicsOperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.rendering.RenderDestination;

/**
 * PDFBox's renderer with inline images held to the same limits as image streams. Those live inside
 * content streams, so the inflation guard never sees them, and PDFBox decodes their whole data into
 * memory before it looks at their size. Callers choose the resolution (see {@link PageRaster}).
 */
final class BoundedPdfRenderer extends PDFRenderer {

    private final PdfLimits limits;
    private final StreamMeter meter;
    private PdfRefusedException refusal;

    BoundedPdfRenderer(PDDocument document, String name, PdfLimits limits) {
        super(document);
        this.limits = limits;
        this.meter = new StreamMeter(name, limits);
    }

    @Override
    public BufferedImage renderImage(int pageIndex, float scale, ImageType type, RenderDestination destination)
            throws IOException {
        try {
            BufferedImage image = super.renderImage(pageIndex, scale, type, destination);
            if (refusal != null) { // PDFBox skips a form whose drawing failed: the refusal still counts
                throw refusal;
            }
            return image;
        } finally {
            meter.close();
        }
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new GuardedPageDrawer(parameters);
    }

    private final class GuardedPageDrawer extends PageDrawer {

        GuardedPageDrawer(PageDrawerParameters parameters) throws IOException {
            super(parameters);
            addOperator(new GuardedInlineImage(this));
        }

        @Override
        protected void operatorException(Operator operator, List<COSBase> operands, IOException exception)
                throws IOException {
            if (exception instanceof PdfRefusedException) {
                throw exception;
            }
            super.operatorException(operator, operands, exception);
        }
    }

    /** BI: checks the image's declared size and decoded data, then hands it to PDFBox's own operator. */
    private final class GuardedInlineImage extends GraphicsOperatorProcessor {

        private final BeginInlineImage drawer;

        GuardedInlineImage(PageDrawer context) {
            super(context);
            this.drawer = new BeginInlineImage(context);
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) throws IOException {
            COSDictionary parameters = operator.getImageParameters();
            byte[] data = operator.getImageData();
            if (parameters != null && data != null && data.length > 0) {
                try {
                    check(parameters, data);
                } catch (PdfRefusedException e) {
                    refusal = e;
                    throw e;
                }
            }
            drawer.process(operator, operands);
        }

        private void check(COSDictionary parameters, byte[] data) throws IOException {
            long width = parameters.getInt(COSName.W, COSName.WIDTH, 0);
            long height = parameters.getInt(COSName.H, COSName.HEIGHT, 0);
            if (width * height > limits.maxImagePixels()) {
                throw meter.tooManyPixels("an inline image in it", "drawn on a page", width, height);
            }
            List<COSName> filters = StreamMeter.filters(parameters.getDictionaryObject(COSName.F, COSName.FILTER));
            if (!filters.isEmpty()) {
                meter.decodedSize(parameters, filters, false, () -> new java.io.ByteArrayInputStream(data),
                        "an inline image");
            }
        }

        @Override
        public String getName() {
            return drawer.getName();
        }
    }
}
