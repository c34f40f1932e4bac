package org.paperless.ocr.tesseract.internal;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Joins Tesseract's per-page PDFs into one document and makes it PDF/A-2b: an sRGB OutputIntent (the
 * JDK's own profile), XMP with pdfaid part 2 / conformance B whose fields equal the Info dictionary's,
 * and a document ID. Tesseract's GlyphLessFont is embedded already.
 */
final class PdfaArchive {

    static final String PRODUCER = "Paperless on Karaf (Tesseract OCR, Apache PDFBox)";
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PdfaArchive() {
    }

    static void write(List<Path> pagePdfs, Path target, String title) throws IOException {
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument archive = new PDDocument()) {
            for (Path pagePdf : pagePdfs) {
                PDDocument source = Loader.loadPDF(pagePdf.toFile());
                sources.add(source); // imported pages share its objects until the archive is saved
                for (PDPage page : source.getPages()) {
                    archive.importPage(page);
                }
            }
            makePdfA(archive, title);
            archive.save(target.toFile());
        } finally {
            for (PDDocument source : sources) {
                source.close();
            }
        }
    }

    static void makePdfA(PDDocument document, String title) throws IOException {
        Calendar now = Calendar.getInstance();
        now.set(Calendar.MILLISECOND, 0);

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(now);
        info.setModificationDate(now);

        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title, now));
        catalog.setMetadata(metadata);

        if (catalog.getOutputIntents().isEmpty()) {
            byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(icc));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        }

        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] xmp(String title, Calendar now) throws IOException {
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema pdfaid = xmp.createAndAddPDFAIdentificationSchema();
            pdfaid.setPart(2);
            pdfaid.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(PRODUCER);
            basic.setCreateDate(now);
            basic.setModifyDate(now);
            basic.setMetadataDate(now);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            return out.toByteArray();
        } catch (BadFieldValueException | javax.xml.transform.TransformerException e) {
            throw new IOException("Cannot write the archive's XMP metadata: " + e.getMessage(), e);
        }
    }
}
