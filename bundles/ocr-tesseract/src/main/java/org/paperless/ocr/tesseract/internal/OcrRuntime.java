package org.paperless.ocr.tesseract.internal;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * The OCR capability for one set of settings: a bounded pool of page workers, each with its own
 * Tesseract engine, created on the worker's first page and ended when the pool is closed.
 */
final class OcrRuntime implements AutoCloseable {

    /** A page task that needs the calling worker's engine. */
    interface PageTask<T> {
        T run(OcrEngine engine) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OcrRuntime.class);
    private static final long CLOSE_WAIT_SECONDS = 120;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final OcrSettings settings;
    private final ExecutorService pool;
    private final ThreadLocal<OcrEngine> engines = new ThreadLocal<>();
    private final Set<OcrEngine> allEngines = ConcurrentHashMap.newKeySet();
    private volatile TessAPI api;

    OcrRuntime(OcrSettings settings) {
        this.settings = settings;
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "paperless-ocr-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), factory);
    }

    OcrSettings settings() {
        return settings;
    }

    /** Loads libtesseract through JNA once; fails with the install hint when it is missing. */
    TessAPI api() throws OcrUnavailableException {
        TessAPI loaded = api;
        if (loaded == null) {
            synchronized (this) {
                loaded = api;
                if (loaded == null) {
                    try {
                        loaded = LoadLibs.getTessAPIInstance();
                    } catch (LinkageError e) {
                        LOG.warn("Cannot load libtesseract: {}", e.toString());
                        throw new OcrUnavailableException(OcrUnavailableException.NOT_INSTALLED, e);
                    }
                    api = loaded;
                }
            }
        }
        return loaded;
    }

    <T> Future<T> submit(PageTask<T> task) {
        Callable<T> callable = () -> task.run(engine());
        return pool.submit(callable);
    }

    private OcrEngine engine() throws OcrUnavailableException {
        OcrEngine engine = engines.get();
        if (engine == null) {
            engine = new OcrEngine(api(), settings);
            engines.set(engine);
            allEngines.add(engine);
        }
        return engine;
    }

    /** Lets pages in flight finish, then ends every engine; never ends one that may still be running. */
    @Override
    public void close() {
        pool.shutdown();
        boolean done;
        try {
            done = pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            pool.shutdownNow();
            LOG.warn("OCR pages still running after {} s; their Tesseract engines are left to the process",
                    CLOSE_WAIT_SECONDS);
            return;
        }
        for (OcrEngine engine : allEngines) {
            engine.close();
        }
        allEngines.clear();
    }
}
