package org.paperless.api.index;

/** A word that completes a prefix, and in how many documents it occurs. */
public record Completion(String word, int documents) {
}
