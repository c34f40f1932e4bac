package org.paperless.mail.internal;

import java.util.ArrayList;
import java.util.List;

/** What one account's fetch did so far. */
final class Tally {

    int mailsConsumed;
    int documents;
    int failedMails;
    final List<String> errors = new ArrayList<>();

    String error() {
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
