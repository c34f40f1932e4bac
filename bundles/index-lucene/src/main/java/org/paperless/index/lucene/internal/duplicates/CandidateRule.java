package org.paperless.index.lucene.internal.duplicates;

/**
 * Which pairs are worth the exact ratio. A pair whose ratio reaches the cut-off shares most of its shingles
 * unless its differences are spread thinly over the whole text, so the least shingle overlap (Jaccard) such a
 * pair can have is modelled for the worst realistic mix of differences. With the ratio's shortfall
 * {@code x = 1 - ratio / 100} (about the share of characters of each text left unmatched):
 * <ul>
 * <li>OCR noise on up to {@link #NOISE} of the characters: single characters lost or inserted, each alone. A
 * shingle survives when none of its five characters was lost and nothing was inserted between them, so a share
 * {@code (1 - noise)^9} of the shingles survives.
 * <li>the rest of x in changed words: a word of w characters changed into another costs the ratio about 0.6 w
 * (the two words still share letters) and w + 4 shingles, {@link #WORD_COST} shingles per character for w = 6.
 * </ul>
 * The sketch agreement a pair needs is then set {@link #Z} standard deviations below what a pair with that
 * overlap shows on average: such a pair is missed about once in 300,000, a more similar one far more rarely.
 * Below a ratio of about 75 the model allows overlaps as low as those of unrelated letters in one language, and
 * nearly every pair the lengths allow is compared exactly: slow, but nothing is missed.
 * <p>
 * Short texts say little through shingles (a receipt is mostly numbers, and numbers match digit by digit in
 * the ratio but not as shingles): a pair where one text is shorter than {@link #SHORT} code points is always
 * compared exactly.
 */
final class CandidateRule {

    static final int SHORT = 300;
    static final double NOISE = 0.05;
    static final double WORD_COST = (6 + Sketch.SHINGLE - 1) / (0.6 * 6);
    static final double Z = 4.5;

    private final int minRatio;
    private final int agreement;

    CandidateRule(int minRatio) {
        this.minRatio = minRatio;
        this.agreement = agreementNeeded(minRatio);
    }

    /** Whether texts of these lengths can reach the ratio at all. */
    boolean lengthsAllow(int shorter, int longer) {
        return IndelRatio.lengthsPass(shorter, longer, minRatio);
    }

    boolean exactOnly(int shorterLength) {
        return shorterLength < SHORT;
    }

    boolean sketchesAllow(int agreed) {
        return agreed >= agreement;
    }

    /** The shingle Jaccard similarity of the least similar pair the model lets reach {@code minRatio}. */
    static double leastJaccard(int minRatio) {
        double difference = 1 - minRatio / 100.0;
        double noise = Math.min(difference, NOISE);
        double kept = Math.pow(1 - noise, 2 * Sketch.SHINGLE - 1) * Math.max(0, 1 - (difference - noise) * WORD_COST);
        return kept / (2 - kept);
    }

    static int agreementNeeded(int minRatio) {
        double jaccard = leastJaccard(minRatio);
        double p = jaccard + (1 - jaccard) / 256;
        double mean = Sketch.SIZE * p;
        double deviation = Math.sqrt(Sketch.SIZE * p * (1 - p));
        return (int) Math.max(0, Math.floor(mean - Z * deviation));
    }
}
