package org.paperless.index.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean scorer ranks passages exactly as Lucene's own does. */
class PassageScoresTest {

    @Test
    void sameScoresAsLucenesScorer() {
        PassageScorer lucene = new PassageScorer();
        PassageScores ours = new PassageScores();
        Random random = new Random(7);
        String[] words = {"rechnung", "betrag", "kündigung", "frist", "monat"};
        for (int n = 0; n < 2000; n++) {
            Passage passage = new Passage();
            int start = random.nextInt(5000);
            int matches = random.nextInt(8);
            passage.setStartOffset(start);
            passage.setEndOffset(start + matches * 40 + 20 + random.nextInt(120));
            for (int m = 0, at = start; m < matches; m++) {
                at += 1 + random.nextInt(30);
                int word = random.nextInt(words.length);
                passage.addMatch(at, at + words[word].length(), new BytesRef(words[word]), 1 + word * 3);
            }
            int contentLength = passage.getEndOffset() + random.nextInt(10000);
            assertEquals(lucene.score(passage, contentLength), ours.score(passage, contentLength), 0f,
                    passage.toString());
        }
    }
}
