package org.paperless.mail.internal;

import java.io.IOException;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;

/** Whether an error means the connection is gone (the account's fetch ends) or only this step failed. */
final class ConnectionState {

    private ConnectionState() {
    }

    static boolean lost(MessagingException e, Folder folder) {
        return e instanceof FolderClosedException || e instanceof StoreClosedException
                || Failures.find(e, IOException.class) != null || (folder != null && !folder.isOpen());
    }
}
