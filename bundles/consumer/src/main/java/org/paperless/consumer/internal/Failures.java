package org.paperless.consumer.internal;

/** The reason a user reads when consuming a file failed with something other than a refusal. */
final class Failures {

    private Failures() {
    }

    static String reason(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "The service ran out of memory while reading it (a file that unpacks to far more than its size, "
                    + "e.g. a PDF bomb, or a heap too small for it): " + failure.getMessage();
        }
        if (failure instanceof StackOverflowError) {
            return "Its structure is nested too deeply to read (stack overflow while reading it)";
        }
        if (failure instanceof Error) {
            return "Consumption failed with an internal error: " + failure;
        }
        return "Consumption failed: " + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
    }
}
