package org.paperless.api.storage;

/** One numbered schema migration; {@code reversible} says whether its down step exists. */
public record Migration(int number, String description, boolean reversible) {
}
