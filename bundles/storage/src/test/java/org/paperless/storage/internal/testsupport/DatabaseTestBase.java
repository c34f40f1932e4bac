package org.paperless.storage.internal.testsupport;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh, empty database before each test. Each abstract test class has one small subclass per
 * engine (FooDerbyTest, FooPostgresTest), so every test runs on both and reports say which failed.
 */
public abstract class DatabaseTestBase {

    protected final Engine engine;

    protected DatabaseTestBase(Engine engine) {
        this.engine = engine;
    }

    @TempDir
    protected Path tempDir;

    protected TestDatabase db;

    @BeforeEach
    void openDatabase() throws Exception {
        db = TestDatabase.open(engine, tempDir);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
