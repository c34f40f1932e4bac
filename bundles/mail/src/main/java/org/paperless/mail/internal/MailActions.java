package org.paperless.mail.internal;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.paperless.api.mail.MailRule;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * The rule's action on one mail, once all its documents are stored: mark read, flag, add a keyword, move
 * (to a folder that exists: paperless-ngx does not create it either), or delete (flag and expunge only that
 * mail where the server has UIDPLUS, else the folder, as paperless-ngx).
 */
final class MailActions {

    private MailActions() {
    }

    /** Refuses a rule whose action cannot work here, before anything of it is consumed. */
    static void check(MailRule rule, IMAPFolder folder) throws MessagingException, RuleFailed {
        switch (rule.action()) {
            case MOVE -> {
                Folder target = folder.getStore().getFolder(rule.actionParameter());
                if (!target.exists()) {
                    throw new RuleFailed("The folder '" + rule.actionParameter() + "' to move mails to does not exist;"
                            + " create it on the server or change the rule");
                }
            }
            case KEYWORD -> {
                try {
                    Keywords.atom(rule.actionParameter());
                } catch (IllegalArgumentException e) {
                    throw new RuleFailed(e.getMessage());
                }
                Flags permanent = folder.getPermanentFlags();
                if (permanent != null && !permanent.contains(Flags.Flag.USER) && !permanent.contains(rule.actionParameter())) {
                    throw new RuleFailed("The server keeps no keywords in the folder '" + rule.folder() + "'");
                }
            }
            default -> {
                // the system flags work everywhere
            }
        }
    }

    /** Whether the action's mark is on the mail already (MOVE and DELETE take it out of the folder). */
    static boolean done(MailRule rule, Message message) throws MessagingException {
        return switch (rule.action()) {
            case MARK_READ -> message.isSet(Flags.Flag.SEEN);
            case FLAG -> message.isSet(Flags.Flag.FLAGGED);
            case KEYWORD -> message.getFlags().contains(rule.actionParameter());
            case DELETE -> message.isSet(Flags.Flag.DELETED);
            case MOVE -> false;
        };
    }

    /** The action on several mails in one command (one round trip for a batch, not one per mail). */
    static void run(MailRule rule, IMAPFolder folder, Message... messages) throws MessagingException {
        switch (rule.action()) {
            case MARK_READ -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            case FLAG -> folder.setFlags(messages, new Flags(Flags.Flag.FLAGGED), true);
            case KEYWORD -> folder.setFlags(messages, new Flags(rule.actionParameter()), true);
            case MOVE -> move(folder, messages, folder.getStore().getFolder(rule.actionParameter()));
            case DELETE -> delete(folder, messages);
        }
    }

    /** MOVE where the server has it; else copy, then delete (a crash in between leaves a second copy, never none). */
    private static void move(IMAPFolder folder, Message[] messages, Folder target) throws MessagingException {
        if (((IMAPStore) folder.getStore()).hasCapability("MOVE")) {
            folder.moveMessages(messages, target);
        } else {
            folder.copyMessages(messages, target);
            delete(folder, messages);
        }
    }

    private static void delete(IMAPFolder folder, Message[] messages) throws MessagingException {
        folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        if (((IMAPStore) folder.getStore()).hasCapability("UIDPLUS")) {
            folder.expunge(messages);
        } else {
            folder.expunge();
        }
    }
}
