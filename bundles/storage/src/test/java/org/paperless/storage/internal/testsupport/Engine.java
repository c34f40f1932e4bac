package org.paperless.storage.internal.testsupport;

/** The databases every database test runs on. */
public enum Engine {
    DERBY, POSTGRESQL
}
