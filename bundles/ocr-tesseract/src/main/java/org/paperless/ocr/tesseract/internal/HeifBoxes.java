package org.paperless.ocr.tesseract.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.paperless.api.parser.ParseException;

/**
 * Reads a HEIC/HEIF file's boxes (ISO base media format) before any decoder sees it: every top-level box
 * must end inside the file (else it was cut off), and the image sizes the file declares (its {@code ispe}
 * properties, one per image item: the primary image, a grid, its tiles, thumbnails) must be within the
 * pixel limit. The largest one counts, so no item needs to be resolved: no item is larger than the image
 * it belongs to. heif-convert would otherwise decode a bomb in full before we saw its size.
 */
final class HeifBoxes {

    /** Metadata beyond this is not what a camera or scanner writes; it is not read into memory. */
    static final int MAX_META_BYTES = 16 * 1024 * 1024;
    private static final int FULL_BOX_HEADER = 4; // version and flags

    /** The meta box's content and where it starts in the file. */
    private record Meta(long offset, ByteBuffer content) {
    }

    /** A box inside the meta box: type, and its content's start and length within the meta content. */
    private record Box(String type, int start, int length) {
    }

    private HeifBoxes() {
    }

    static void check(Path file, String name, long maxPixels) throws ParseException {
        try (FileChannel channel = FileChannel.open(file)) {
            Meta meta = meta(channel, name);
            long[] largest = null;
            for (Box box : properties(meta.content())) {
                if ("ispe".equals(box.type()) && box.length() >= FULL_BOX_HEADER + 8) {
                    long width = Integer.toUnsignedLong(meta.content().getInt(box.start() + FULL_BOX_HEADER));
                    long height = Integer.toUnsignedLong(meta.content().getInt(box.start() + FULL_BOX_HEADER + 4));
                    if (largest == null || width * height > largest[0] * largest[1]) {
                        largest = new long[] {width, height};
                    }
                }
            }
            if (largest == null) {
                throw new ParseException("The HEIC/HEIF image " + name + " declares no image size (ispe); it is damaged");
            }
            ImageInspector.checkSize((int) Math.min(Integer.MAX_VALUE, largest[0]),
                    (int) Math.min(Integer.MAX_VALUE, largest[1]), maxPixels, "");
        } catch (IOException e) {
            throw new ParseException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Turns the ICC colour profiles ({@code colr} properties of type prof or rICC) into {@code free} boxes of
     * the same size, in place: property indices stay valid, and decoders skip free boxes.
     *
     * @return how many profiles were dropped
     */
    static int dropIccProfiles(Path file, String name) throws IOException, ParseException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Meta meta = meta(channel, name);
            int dropped = 0;
            for (Box box : properties(meta.content())) {
                if ("colr".equals(box.type()) && box.length() >= 4) {
                    String colourType = type(meta.content(), box.start());
                    if ("prof".equals(colourType) || "rICC".equals(colourType)) {
                        ByteBuffer free = ByteBuffer.wrap("free".getBytes(StandardCharsets.ISO_8859_1));
                        channel.write(free, meta.offset() + box.start() - 4); // the type precedes the content
                        dropped++;
                    }
                }
            }
            return dropped;
        }
    }

    /** Walks the top-level boxes: refuses what is not HEIF or is cut off, and returns the meta box. */
    private static Meta meta(FileChannel channel, String name) throws IOException, ParseException {
        long size = channel.size();
        long position = 0;
        Meta meta = null;
        while (position < size) {
            ByteBuffer header = read(channel, position, (int) Math.min(16, size - position));
            if (header.remaining() < 8) {
                throw truncated(name, position + 8, size);
            }
            long length = Integer.toUnsignedLong(header.getInt(0));
            String type = type(header, 4);
            int headerLength = 8;
            if (length == 1) { // a 64-bit length follows the type
                if (header.remaining() < 16) {
                    throw truncated(name, position + 16, size);
                }
                length = header.getLong(8);
                headerLength = 16;
            } else if (length == 0) {
                length = size - position; // the last box runs to the end of the file
            }
            if (position == 0 && !"ftyp".equals(type)) {
                throw new ParseException("The file " + name + " is not a HEIC/HEIF image (it does not begin"
                        + " with an ftyp box); it may be damaged");
            }
            if (length < headerLength) {
                throw new ParseException("The HEIC/HEIF image " + name + " is damaged: its " + type
                        + " box at byte " + position + " declares an impossible length of " + length);
            }
            if (length > size - position) {
                throw truncated(name, position + length, size);
            }
            if ("meta".equals(type) && meta == null) {
                if (length > MAX_META_BYTES) {
                    throw new ParseException("The HEIC/HEIF image " + name + " has " + length
                            + " bytes of metadata, more than " + MAX_META_BYTES + "; it is not read");
                }
                meta = new Meta(position + headerLength, read(channel, position + headerLength,
                        (int) (length - headerLength)));
            }
            position += length;
        }
        if (meta == null) {
            throw new ParseException("The HEIC/HEIF image " + name + " has no meta box; it is damaged");
        }
        return meta;
    }

    /** The boxes in meta / iprp / ipco: the properties of the file's items. */
    private static List<Box> properties(ByteBuffer meta) {
        Box iprp = child(meta, FULL_BOX_HEADER, meta.limit(), "iprp");
        Box ipco = iprp == null ? null : child(meta, iprp.start(), iprp.start() + iprp.length(), "ipco");
        List<Box> boxes = new ArrayList<>();
        if (ipco != null) {
            children(meta, ipco.start(), ipco.start() + ipco.length(), boxes);
        }
        return boxes;
    }

    private static Box child(ByteBuffer buffer, int from, int to, String wanted) {
        List<Box> boxes = new ArrayList<>();
        children(buffer, from, to, boxes);
        return boxes.stream().filter(b -> b.type().equals(wanted)).findFirst().orElse(null);
    }

    /** The boxes between from and to (32-bit lengths only, as inside meta); stops at one that does not fit. */
    private static void children(ByteBuffer buffer, int from, int to, List<Box> boxes) {
        int position = from;
        while (position + 8 <= to) {
            long length = Integer.toUnsignedLong(buffer.getInt(position));
            if (length < 8 || length > to - position) {
                return;
            }
            boxes.add(new Box(type(buffer, position + 4), position + 8, (int) length - 8));
            position += (int) length;
        }
    }

    private static String type(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // until full or at the end of the file
        }
        return buffer.flip();
    }

    private static ParseException truncated(String name, long end, long size) {
        return new ParseException("The HEIC/HEIF image " + name + " is truncated: a box ends at byte " + end
                + ", the file has " + size + " bytes");
    }
}
