package org.paperless.api.parser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Page operations on PDF files, for merging documents and splitting them: new files are written, the sources are
 * only read.
 */
@ProviderType
public interface PdfPages {

    /** The most pages one new file gets: bounds the memory and the time of one operation. */
    int MAX_PAGES = 5_000;

    /** How many pages the PDF has. */
    int pageCount(Path pdf) throws IOException;

    /** The pages of the sources one after the other, written to {@code target}. */
    void merge(List<Path> sources, Path target) throws IOException;

    /**
     * One new PDF per group of page numbers (1-based, in the order given), written to the targets in the same order.
     *
     * @throws IllegalArgumentException when a page number is outside the PDF
     */
    void split(Path source, List<List<Integer>> groups, List<Path> targets) throws IOException;
}
