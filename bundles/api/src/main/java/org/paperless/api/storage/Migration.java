package org.paperless.api.storage;

/**
 * One numbered schema migration; {@code reversible} says whether its down step exists, {@code version}
 * is the paperless version that introduced it (what a rollback to that version keeps).
 */
public record Migration(int number, String description, boolean reversible, String version) {
}
