package org.paperless.parser.pdf.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.osgi.service.component.annotations.Component;
import org.paperless.api.parser.PdfPages;

/**
 * PDFBox's page import: pages are copied with their resources into a new document. The sources are stored
 * originals the consumer has read before; large streams spill to temporary files rather than the heap.
 */
@Component(service = PdfPages.class)
public class PdfPagesComponent implements PdfPages {

    private static final StreamCacheCreateFunction CACHE = MemoryUsageSetting.setupMixed(32L * 1024 * 1024).streamCache;

    @Override
    public int pageCount(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), "", null, null, CACHE)) {
            return document.getNumberOfPages();
        }
    }

    @Override
    public void merge(List<Path> sources, Path target) throws IOException {
        List<PDDocument> open = new ArrayList<>();
        try (PDDocument merged = new PDDocument(CACHE)) {
            for (Path source : sources) {
                PDDocument document = Loader.loadPDF(source.toFile(), "", null, null, CACHE);
                open.add(document); // its pages' resources are read when the merged file is saved
                if (merged.getNumberOfPages() + document.getNumberOfPages() > MAX_PAGES) {
                    throw new IllegalArgumentException("A merged PDF has at most " + MAX_PAGES + " pages");
                }
                for (PDPage page : document.getPages()) {
                    merged.importPage(page);
                }
            }
            merged.save(target.toFile());
        } finally {
            for (PDDocument document : open) {
                document.close();
            }
        }
    }

    @Override
    public void split(Path source, List<List<Integer>> groups, List<Path> targets) throws IOException {
        if (groups.size() != targets.size()) {
            throw new IllegalArgumentException("one target per group of pages");
        }
        try (PDDocument document = Loader.loadPDF(source.toFile(), "", null, null, CACHE)) {
            int pages = document.getNumberOfPages();
            for (List<Integer> group : groups) {
                for (int page : group) {
                    if (page < 1 || page > pages) {
                        throw new IllegalArgumentException("Page " + page + " is not in the document, which has " + pages
                                + " pages");
                    }
                }
            }
            for (int i = 0; i < groups.size(); i++) {
                try (PDDocument part = new PDDocument(CACHE)) {
                    for (int page : groups.get(i)) {
                        part.importPage(document.getPage(page - 1));
                    }
                    part.save(targets.get(i).toFile());
                }
            }
        }
    }
}
