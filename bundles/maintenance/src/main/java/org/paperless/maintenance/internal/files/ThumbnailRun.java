package org.paperless.maintenance.internal.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.paperless.api.Document;
import org.paperless.api.backup.Progress;
import org.paperless.api.maintenance.MaintenanceReport;
import org.paperless.api.parser.DocumentParser;
import org.paperless.api.parser.ParseException;
import org.paperless.api.parser.ParserRegistry;
import org.paperless.api.storage.MediaArea;
import org.paperless.api.storage.MediaStore;
import org.paperless.api.storage.WebpEncoder;
import org.paperless.maintenance.internal.run.DocumentWalk;
import org.paperless.maintenance.internal.run.Tally;
import org.paperless.maintenance.internal.run.Window;

/**
 * document_thumbnails: each thumbnail made again from the original by its parser. A thumbnail is derived
 * from the original, so the new one replaces the old (written beside it, then renamed over it).
 */
public final class ThumbnailRun {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ThumbnailRun.class);

    private final MediaStore media;
    private final ParserRegistry parsers;
    private final ExecutorService pool;
    private final int width;
    private final Supplier<WebpEncoder> webp;
    /** Whether the PNG fallback was logged: once a run. */
    private boolean toldPng;

    private record Outcome(Document document, byte[] png, String problem) {
    }

    /** @param webp makes the thumbnails WebP, as consumption does; null or failing: PNG */
    public ThumbnailRun(MediaStore media, ParserRegistry parsers, ExecutorService pool, int width,
            Supplier<WebpEncoder> webp) {
        this.webp = webp;
        this.media = media;
        this.parsers = parsers;
        this.pool = pool;
        this.width = width;
    }

    public MaintenanceReport run(DocumentWalk walk, Long documentId, Progress progress) throws Exception {
        Tally tally = new Tally();
        long total = walk.total(documentId);
        Window<Outcome> window = new Window<>(pool, width, outcome -> {
            store(outcome, tally);
            progress.update(tally.done(), total);
        });
        try {
            walk.walk(documentId, 0, batch -> {
                for (Document d : batch) {
                    window.submit(() -> render(d));
                }
            });
            window.drain();
        } catch (Exception | Error e) {
            window.cancel();
            throw e;
        }
        return tally.report();
    }

    private Outcome render(Document d) {
        DocumentParser parser = parsers.forType(d.mimeType()).orElse(null);
        if (parser == null) {
            return new Outcome(d, null, "no parser reads " + d.mimeType() + " files: is the parser's feature installed?");
        }
        try {
            byte[] png = parser.thumbnail(media.resolve(MediaArea.ORIGINALS, d.filename()), d.mimeType());
            return new Outcome(d, png, null);
        } catch (ParseException e) {
            return new Outcome(d, null, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Outcome(d, null, "the " + d.mimeType() + " parser failed: " + e);
        }
    }

    private void store(Outcome outcome, Tally tally) {
        long id = outcome.document().id();
        if (outcome.problem() != null) {
            tally.problem(id, outcome.problem());
            return;
        }
        if (outcome.png() == null) {
            tally.problem(id, "its parser makes no thumbnail for " + outcome.document().mimeType() + " files");
            return;
        }
        try {
            byte[] bytes = outcome.png();
            String extension = ".png";
            WebpEncoder encoder = webp.get();
            if (encoder != null) {
                try {
                    bytes = encoder.encode(outcome.png());
                    extension = ".webp";
                } catch (IOException e) {
                    if (!toldPng) {
                        toldPng = true;
                        LOG.warn("Thumbnails are stored as PNG: {}", e.getMessage());
                    }
                }
            }
            replace(media.resolve(MediaArea.THUMBNAILS, Names.thumbnail(id, extension)), bytes);
            // One thumbnail a document: the one of the other format (made before) goes.
            media.delete(MediaArea.THUMBNAILS, Names.thumbnail(id, extension.equals(".png") ? ".webp" : ".png"));
            tally.changed();
        } catch (IOException e) {
            tally.problem(id, "could not write its thumbnail: " + e);
        }
    }

    private static void replace(Path target, byte[] png) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                out.write(png);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        Durable.syncFolder(target.getParent());
    }
}
