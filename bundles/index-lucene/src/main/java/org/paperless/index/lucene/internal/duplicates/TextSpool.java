package org.paperless.index.lucene.internal.duplicates;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The processed texts and titles of one run, in a temporary file (deleted on close), so that memory holds
 * only what each document needs for the search and the texts of the pairs being compared are read back as
 * needed. Written once in document order, then read from several threads.
 */
final class TextSpool implements Closeable {

    private static final String PREFIX = "paperless-duplicates-";
    private static final String SUFFIX = ".spool";
    private static final byte LATIN_1 = 0;
    private static final byte UTF_8 = 1;

    private final FileChannel channel;
    private final OutputStream out;
    private long[] offsets = new long[1024];
    private int count;
    private long written;

    TextSpool(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, PREFIX, SUFFIX);
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Removes spool files a crashed run left behind (a closed spool deletes its own); returns how many. */
    static int removeLeftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            }
        }
        return removed;
    }

    /** Adds one document's processed text and title; its number is the count before. */
    void add(int[] text, String title) throws IOException {
        byte[] titleBytes = title.getBytes(StandardCharsets.UTF_8);
        SpooledText spooled = SpooledText.of(text);
        if (count + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[count] = written;
        out.write(ByteBuffer.allocate(4).putInt(titleBytes.length).array());
        out.write(titleBytes);
        out.write(spooled.latin1() ? LATIN_1 : UTF_8);
        out.write(spooled.bytes());
        written += 4 + titleBytes.length + 1 + spooled.bytes().length;
        count++;
        offsets[count] = written;
    }

    /** Ends the writing; reads may start. */
    void finish() throws IOException {
        out.flush();
    }

    /** A document's text as written: a record of its title's length, the title, the text's form and the text. */
    SpooledText text(int document) {
        ByteBuffer record = read(document);
        int start = 4 + record.getInt(0);
        byte[] bytes = Arrays.copyOfRange(record.array(), start + 1, record.limit());
        return new SpooledText(bytes, record.get(start) == LATIN_1);
    }

    String title(int document) {
        ByteBuffer record = read(document);
        return new String(record.array(), 4, record.getInt(0), StandardCharsets.UTF_8);
    }

    private ByteBuffer read(int document) {
        long start = offsets[document];
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(offsets[document + 1] - start));
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    throw new IOException("the spool file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        return buffer;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
