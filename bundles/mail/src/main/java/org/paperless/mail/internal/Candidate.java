package org.paperless.mail.internal;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.eclipse.angus.mail.imap.IMAPMessage;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * A mail as its envelope describes it, decoded (RFC 2047 words in the subject and the names).
 *
 * @param fromAddress the sender's address, or "" when it has none
 * @param fromName the sender's name, or "" when it gives none
 * @param recipients To and Cc, each as "name address"
 * @param messageId the Message-ID header, or null
 */
record Candidate(long uid, String messageId, String subject, String fromAddress, String fromName,
        List<String> recipients, Instant received, long size) {

    static Candidate of(IMAPMessage message, long uid) throws MessagingException {
        Address[] from = message.getFrom();
        String address = "";
        String name = "";
        if (from != null && from.length > 0) {
            if (from[0] instanceof InternetAddress a) {
                address = a.getAddress() == null ? "" : a.getAddress();
                name = a.getPersonal() == null ? "" : a.getPersonal().strip();
            } else {
                address = from[0].toString();
            }
        }
        List<String> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] to = message.getRecipients(type);
            if (to != null) {
                for (Address a : to) {
                    recipients.add(a instanceof InternetAddress ia
                            ? (ia.getPersonal() == null ? "" : ia.getPersonal() + " ") + ia.getAddress() : a.toString());
                }
            }
        }
        Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        String subject = message.getSubject();
        String id = message.getMessageID();
        return new Candidate(uid, id == null || id.isBlank() ? null : id.strip(),
                subject == null ? "" : Normalizer.normalize(subject, Normalizer.Form.NFC), address,
                Normalizer.normalize(name, Normalizer.Form.NFC), List.copyOf(recipients),
                received == null ? null : received.toInstant(), message.getSize());
    }

    /** The rule's sender, recipient and subject filters: text contained, case-insensitively. */
    boolean matchesHeaders(String filterFrom, String filterTo, String filterSubject) {
        return contains(fromName + " " + fromAddress, filterFrom)
                && (filterTo == null || recipients.stream().anyMatch(r -> contains(r, filterTo)))
                && contains(subject, filterSubject);
    }

    private static boolean contains(String text, String filter) {
        return filter == null || text.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
    }

    /** For logs and the task list. */
    String label() {
        return "UID " + uid + " '" + (subject.length() > 80 ? subject.substring(0, 80) + "..." : subject) + "'";
    }
}
