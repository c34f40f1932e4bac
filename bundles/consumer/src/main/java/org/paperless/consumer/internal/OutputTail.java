package org.paperless.consumer.internal;

import java.nio.charset.StandardCharsets;

/** The last bytes of a program's output: however much it prints, only this much is kept. */
final class OutputTail {

    private final byte[] ring;
    private long total;

    OutputTail(int capacity) {
        this.ring = new byte[capacity];
    }

    void append(byte[] data, int length) {
        for (int i = Math.max(0, length - ring.length); i < length; i++) {
            ring[(int) ((total + i) % ring.length)] = data[i];
        }
        total += length;
    }

    long total() {
        return total;
    }

    /** The kept text; when output was dropped, it says how much. */
    @Override
    public String toString() {
        int kept = (int) Math.min(total, ring.length);
        byte[] ordered = new byte[kept];
        for (int i = 0; i < kept; i++) {
            ordered[i] = ring[(int) ((total - kept + i) % ring.length)];
        }
        String text = new String(ordered, StandardCharsets.UTF_8);
        return total > kept ? "[" + (total - kept) + " bytes before this left out] " + text : text;
    }
}
