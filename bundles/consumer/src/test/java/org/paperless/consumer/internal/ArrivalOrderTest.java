package org.paperless.consumer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;

class ArrivalOrderTest {

    @Test
    void aTurnComesOnceEveryEarlierTicketPassedWhateverTheOrderTheyPassIn() throws Exception {
        ArrivalOrder order = new ArrivalOrder(4);
        long first = order.arrive();
        long second = order.arrive();
        long third = order.arrive();
        List<Long> turns = new CopyOnWriteArrayList<>();
        Thread waiting = new Thread(() -> {
            order.awaitTurn(third);
            turns.add(third);
        });
        waiting.start();
        order.pass(second); // e.g. a file that changed: given back before its turn
        waiting.join(200);
        assertTrue(waiting.isAlive(), "the first ticket has not passed yet");
        order.pass(first);
        waiting.join(5_000);
        assertEquals(List.of(third), turns);
        assertEquals(1, order.inFlight());
    }

    @Test
    void aSourceWaitsWhileAWindowOfItsFilesIsInFlight() throws Exception {
        ArrivalOrder order = new ArrivalOrder(2);
        long first = order.arrive();
        order.arrive();
        Semaphore arrived = new Semaphore(0);
        Thread third = new Thread(() -> {
            try {
                order.arrive();
                arrived.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        assertFalse(arrived.tryAcquire(200, java.util.concurrent.TimeUnit.MILLISECONDS), "the window is full");
        order.pass(first);
        assertTrue(arrived.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Test
    void aSlotGivesBackItsReadingPermitBeforeWaitingForItsTurn() throws Exception {
        Semaphore readers = new Semaphore(1);
        ArrivalOrder order = new ArrivalOrder(2);
        Slot earlier = new Slot(readers, order, order.arrive());
        Slot later = new Slot(readers, order, order.arrive());
        later.startReading();
        Thread storing = new Thread(() -> {
            try {
                later.inTurn(passTurn -> "stored");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        storing.start();
        // The later file waits for its turn without its permit: the earlier one can be read meanwhile.
        earlier.startReading();
        assertEquals(0, readers.availablePermits());
        earlier.close();
        storing.join(5_000);
        assertFalse(storing.isAlive());
        later.close();
        assertEquals(1, readers.availablePermits());
        assertEquals(0, order.inFlight());
    }
}
