package org.paperless.commands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FeatureMoveTest {

    @Test
    void readsVersionsAsFeatureListAndMavenSpellThem() {
        assertEquals("0.1.0.SNAPSHOT", FeatureMove.normalized("0.1.0-SNAPSHOT"));
        assertEquals("0.1.0.SNAPSHOT", FeatureMove.normalized(" 0.1.0.SNAPSHOT "));
        assertEquals("1.2", FeatureMove.normalized("1.2"));
    }

    @Test
    void comparesReleasesWithoutTheirQualifier() {
        assertEquals(0, FeatureMove.compareRelease("0.1.0", "0.1.0.SNAPSHOT"));
        assertTrue(FeatureMove.compareRelease("0.1.0-SNAPSHOT", "0.1.1") < 0);
        assertTrue(FeatureMove.compareRelease("0.2.0", "0.1.10") > 0);
    }

    @Test
    void movesPaperlessFeaturesButNotLiquibaseWhichHasItsOwnVersion() {
        assertTrue(FeatureMove.isPaperless("paperless"));
        assertTrue(FeatureMove.isPaperless("paperless-minimal"));
        assertTrue(FeatureMove.isPaperless("paperless-ocr-tesseract"));
        assertFalse(FeatureMove.isPaperless("paperless-liquibase"));
        assertFalse(FeatureMove.isPaperless("scr"));
    }

    @Test
    void listsOnlyTheBundlesThatChanged() {
        List<String> lines = FeatureMove.changes(
                Map.of("org.paperless.api", "0.1.0", "org.paperless.storage", "0.1.0", "org.paperless.gone", "0.1.0"),
                Map.of("org.paperless.api", "0.1.0", "org.paperless.storage", "0.1.1", "org.paperless.new", "0.1.1"));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("org.paperless.gone") && lines.get(0).endsWith("0.1.0 -> -"), lines.get(0));
        assertTrue(lines.get(1).contains("org.paperless.new") && lines.get(1).endsWith("- -> 0.1.1"), lines.get(1));
        assertTrue(lines.get(2).contains("org.paperless.storage") && lines.get(2).endsWith("0.1.0 -> 0.1.1"), lines.get(2));
    }

    @Test
    void tellsKarsFromFeatureRepositories() {
        assertTrue(UpgradeCommand.isKar(URI.create("file:/srv/paperless-0.2.0.kar")));
        assertTrue(UpgradeCommand.isKar(URI.create("mvn:org.paperless/paperless-next/0.1.1/kar")));
        assertFalse(UpgradeCommand.isKar(URI.create("mvn:org.paperless/paperless-features/0.1.1/xml/features")));
        assertEquals(URI.create("mvn:org.paperless/paperless-features/0.1.1/xml/features"),
                UpgradeCommand.sourceUri("mvn:org.paperless/paperless-features/0.1.1/xml/features"));
    }
}
