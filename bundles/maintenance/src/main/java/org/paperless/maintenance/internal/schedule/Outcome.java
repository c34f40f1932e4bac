package org.paperless.maintenance.internal.schedule;

/** How a scheduled run ended, in a line for the task list and the log. */
record Outcome(Status status, String message) {

    enum Status { DONE, SKIPPED, FAILED }

    static Outcome done(String message) {
        return new Outcome(Status.DONE, message);
    }

    static Outcome failed(String message) {
        return new Outcome(Status.FAILED, message);
    }

    /** The owning service is not there (its bundle stopped): nothing was done, and nothing went wrong. */
    static Outcome skipped(String why) {
        return new Outcome(Status.SKIPPED, why);
    }

    boolean ok() {
        return status != Status.FAILED;
    }

    String line() {
        return status == Status.SKIPPED ? "Skipped: " + message : message;
    }
}
