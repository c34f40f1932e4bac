package org.paperless.mail.internal;

/** IMAP keywords (user flags) are atoms: no space, no parenthesis, no quote, no backslash, no wildcard. */
final class Keywords {

    private static final String FORBIDDEN = "(){ %*\"\\]";

    private Keywords() {
    }

    static String atom(String keyword) {
        if (keyword == null || keyword.isEmpty()) {
            throw new IllegalArgumentException("The keyword action needs a keyword");
        }
        for (char c : keyword.toCharArray()) {
            if (c <= 0x20 || c >= 0x7f || FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + keyword + "' cannot be an IMAP keyword: use ASCII letters,"
                        + " digits and $-_. without spaces");
            }
        }
        return keyword;
    }
}
