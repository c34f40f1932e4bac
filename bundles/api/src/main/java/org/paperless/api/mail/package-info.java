/**
 * Mail fetching: IMAP accounts, the rules that turn their mails into documents, and the record of which
 * mails were consumed (so that each is consumed once). Accounts, rules and that record are stored by the
 * storage capability; the fetcher is a bundle of its own.
 */
@Version("1.0.0")
package org.paperless.api.mail;

import org.osgi.annotation.versioning.Version;
