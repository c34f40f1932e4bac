package org.paperless.api;

import java.util.Objects;

/**
 * The matching fields every classifying object shares: the match text, the algorithm and whether
 * case is ignored. An empty match never matches.
 */
public record Matching(String match, MatchingAlgorithm algorithm, boolean insensitive) {

    public static final int MAX_MATCH_LENGTH = 256;

    /** paperless-ngx defaults: empty match, ANY, case-insensitive. */
    public static final Matching DEFAULT = new Matching("", MatchingAlgorithm.ANY, true);

    public Matching {
        match = match == null ? "" : match;
        Objects.requireNonNull(algorithm, "algorithm");
        if (match.length() > MAX_MATCH_LENGTH) {
            throw new IllegalArgumentException("match is longer than " + MAX_MATCH_LENGTH + " characters");
        }
    }
}
