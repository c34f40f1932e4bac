package org.paperless.matching.internal.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.paperless.api.matching.Matches;

/** Learning from texts whose senders write about different things, as letters do. */
class ClassifierTest {

    private static final String[][] VOCABULARY = {
        {"strom", "zählerstand", "kilowattstunden", "abschlag", "stadtwerke", "netz"},
        {"versicherung", "police", "schaden", "beitrag", "hausrat", "haftpflicht"},
        {"steuer", "finanzamt", "bescheid", "einkommen", "erstattung", "veranlagung"},
    };
    private static final String[] COMMON = {"sehr", "geehrte", "damen", "herren", "mit", "freundlichen", "grüßen",
        "bitte", "beachten", "sie", "den", "anhang", "vielen", "dank"};

    private static String letter(int sender, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            boolean specific = random.nextInt(3) == 0;
            text.append(specific ? VOCABULARY[sender][random.nextInt(6)] : COMMON[random.nextInt(COMMON.length)]).append(' ');
        }
        return text.toString();
    }

    private static ClassifierModel trained(Random random) {
        List<Trainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            int sender = i % 3;
            examples.add(new Trainer.Example(letter(sender, random), sender + 1, Trainer.NONE, Trainer.NONE,
                    sender == 2 ? Set.of(7L) : Set.of()));
        }
        return Trainer.train(examples, "fingerprint-1", Set.of(7L));
    }

    @Test
    void predictsTheSenderAndTheTagOfNewLetters() {
        Random random = new Random(1);
        Predictor predictor = new Predictor(trained(random), 0.3);
        int right = 0;
        for (int i = 0; i < 60; i++) {
            int sender = i % 3;
            Matches m = predictor.predict(letter(sender, random));
            if (m.correspondents().equals(List.of((long) sender + 1)) && m.tags().equals(sender == 2 ? List.of(7L) : List.of())) {
                right++;
            }
        }
        assertTrue(right >= 57, right + " of 60 right");
    }

    @Test
    void aTextItKnowsNothingAboutGetsNothing() {
        Predictor predictor = new Predictor(trained(new Random(2)), 0.3);
        Matches m = predictor.predict("lorem ipsum dolor sit amet consectetur");
        assertEquals(List.of(), m.correspondents(), "below the minimum confidence");
        assertEquals(List.of(), m.tags());
    }

    @Test
    void theStoredModelIsSignedAndATamperedOrForeignOneIsRefused() throws IOException {
        ClassifierModel model = trained(new Random(3));
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes();
        byte[] stored = model.toSignedBytes(key);

        ClassifierModel loaded = ClassifierModel.fromSignedBytes(stored, key);
        assertEquals("fingerprint-1", loaded.fingerprint());
        String text = letter(1, new Random(4));
        assertEquals(new Predictor(model, 0.3).predict(text), new Predictor(loaded, 0.3).predict(text));

        byte[] tampered = stored.clone();
        tampered[tampered.length / 2] ^= 1;
        IOException damaged = assertThrows(IOException.class, () -> ClassifierModel.fromSignedBytes(tampered, key));
        assertTrue(damaged.getMessage().contains("signature does not match"), damaged.getMessage());
        assertThrows(IOException.class, () -> ClassifierModel.fromSignedBytes(stored, "another key, another instance!!".getBytes()));
        assertThrows(IOException.class, () -> ClassifierModel.fromSignedBytes(new byte[10], key));
    }
}
