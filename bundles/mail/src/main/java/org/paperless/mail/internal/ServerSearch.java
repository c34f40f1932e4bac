package org.paperless.mail.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.paperless.api.mail.MailRule;

import jakarta.mail.MessagingException;

/**
 * The rule's criteria that the server can apply, as one UID SEARCH: the maximum age (SINCE, the server's
 * received date), the action not done yet (UNSEEN, UNFLAGGED, UNKEYWORD), and the body text (BODY, in the
 * account's character set when it is not ASCII). Sender, recipients and subject are checked here on the
 * decoded envelope instead: exact, whatever the server makes of encoded words.
 */
final class ServerSearch {

    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private ServerSearch() {
    }

    /** The criteria, for the log. */
    static String describe(MailRule rule, LocalDate today) {
        return String.join(" ", criteria(rule, today)) + (rule.filterBody() == null ? "" : " BODY \"" + rule.filterBody() + "\"");
    }

    /** The matching UIDs, ascending. */
    static long[] uids(IMAPFolder folder, MailRule rule, String characterSet, LocalDate today) throws MessagingException {
        List<String> atoms = criteria(rule, today);
        String body = rule.filterBody();
        boolean ascii = body == null || StandardCharsets.US_ASCII.newEncoder().canEncode(body);
        Charset charset = ascii ? StandardCharsets.US_ASCII : Charset.forName(characterSet);
        Object result = folder.doCommand(protocol -> {
            Argument args = new Argument();
            for (String atom : atoms) {
                args.writeAtom(atom);
            }
            if (body != null) {
                args.writeAtom("BODY");
                args.writeString(body, charset);
            }
            Response[] responses = protocol.command(ascii ? "UID SEARCH" : "UID SEARCH CHARSET " + charset.name(), args);
            Response last = responses[responses.length - 1];
            List<Long> found = new ArrayList<>();
            if (last.isOK()) {
                for (int i = 0; i < responses.length; i++) {
                    if (responses[i] instanceof IMAPResponse r && r.keyEquals("SEARCH")) {
                        for (long uid = r.readLong(); uid != -1; uid = r.readLong()) {
                            found.add(uid);
                        }
                        responses[i] = null;
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            try {
                protocol.handleResult(last);
            } catch (ProtocolException e) {
                throw new ProtocolException("The server refused the search " + describe(rule, today) + ": "
                        + e.getMessage(), e);
            }
            return found;
        });
        @SuppressWarnings("unchecked")
        List<Long> list = (List<Long>) result;
        return list.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    private static List<String> criteria(MailRule rule, LocalDate today) {
        List<String> atoms = new ArrayList<>();
        if (rule.maximumAgeDays() > 0) {
            atoms.add("SINCE");
            atoms.add(IMAP_DATE.format(today.minusDays(rule.maximumAgeDays())));
        }
        switch (rule.action()) {
            case MARK_READ -> atoms.add("UNSEEN");
            case FLAG -> atoms.add("UNFLAGGED");
            case KEYWORD -> {
                atoms.add("UNKEYWORD");
                atoms.add(Keywords.atom(rule.actionParameter()));
            }
            case MOVE, DELETE -> {
                // the mail leaves the folder: nothing to search for
            }
        }
        if (atoms.isEmpty()) {
            atoms.add("ALL");
        }
        return atoms;
    }
}
