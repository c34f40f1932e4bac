package org.paperless.api.consumer;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds consumption while something needs the collection to itself (an import): files in the consume folder
 * wait there, {@code paperless:consume} is refused with the reason, and nothing is lost.
 */
@ProviderType
public interface ConsumptionPause {

    /**
     * Waits until the documents being consumed now are stored, then holds every new consumption until the
     * returned pause is closed.
     *
     * @param reason what the pause is for, shown to whoever tries to consume meanwhile
     * @throws IllegalStateException when the consumptions in flight did not finish within the timeout; nothing
     *         is held then
     */
    Held pause(String reason, Duration timeout) throws InterruptedException;

    /** A pause in force; closing it lets consumption go on. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
