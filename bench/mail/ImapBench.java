import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The IMAP side of ./paperless bench mail, run as a source file (java -cp JARS ImapBench.java):
 *   append HOST PORT USER PASSWORD FOLDER PDF_DIR       one mail per PDF (a text part, the PDF attached), appended
 *   download HOST PORT USER PASSWORD OUT_DIR FOLDER...  the download-only loop: every mail of each folder, its PDF
 *                                                       attachment read whole into a file; the last folder's time is
 *                                                       the figure (the ones before warm this JVM)
 * Both speak to the server as the mail fetcher does: plain IMAP, mails read without marking them read, in 4 MB
 * pieces. The download loop is what a user would write with jakarta.mail instead of the fetcher.
 */
public class ImapBench {

    /** The fetcher's piece size (ImapConnector.FETCH_BLOCK): both read a mail in as many round trips. */
    private static final int FETCH_BLOCK = 4 << 20;
    private static final int APPEND_BATCH = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: ImapBench append HOST PORT USER PASSWORD FOLDER PDF_DIR"
                    + " | download HOST PORT USER PASSWORD OUT_DIR FOLDER...");
            System.exit(2);
        }
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String user = args[3];
        String password = args[4];
        Session session = Session.getInstance(properties());
        switch (args[0]) {
            case "append" -> append(session, host, port, user, password, args[5], Path.of(args[6]));
            case "download" -> {
                Path out = Path.of(args[5]);
                for (int i = 6; i < args.length; i++) {
                    download(session, host, port, user, password, args[i], out.resolve(args[i].replace('/', '_')));
                }
            }
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static Properties properties() {
        Properties props = new Properties();
        props.put("mail.store.protocol", "imap");
        props.put("mail.imap.partialfetch", "true");
        props.put("mail.imap.fetchsize", String.valueOf(FETCH_BLOCK));
        props.put("mail.imap.peek", "true");
        props.put("mail.imap.connectiontimeout", "30000");
        props.put("mail.imap.timeout", "30000");
        return props;
    }

    private static void append(Session session, String host, int port, String user, String password, String name,
            Path pdfs) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(pdfs)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
        long t0 = System.nanoTime();
        Store store = session.getStore("imap");
        store.connect(host, port, user, password);
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("cannot create the folder " + name);
            }
            List<Message> batch = new ArrayList<>();
            for (Path file : files) {
                batch.add(mail(session, user, file));
                if (batch.size() == APPEND_BATCH) {
                    folder.appendMessages(batch.toArray(Message[]::new));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                folder.appendMessages(batch.toArray(Message[]::new));
            }
        } finally {
            store.close();
        }
        System.out.printf(Locale.ROOT, "appended %d mails, one PDF each, to %s in %.2f s%n", files.size(), name,
                (System.nanoTime() - t0) / 1e9);
    }

    /** A mail as a person sends a scanned bill: a line of text and the PDF; the subject is the file's name. */
    private static MimeMessage mail(Session session, String user, Path pdf) throws MessagingException, IOException {
        String fileName = pdf.getFileName().toString();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("bench@example.org", "Bench Sender"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(user + "@example.org"));
        message.setSubject(fileName.substring(0, fileName.length() - ".pdf".length()), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The document is attached.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.attachFile(pdf.toFile(), "application/pdf", "base64");
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        return message;
    }

    /** The loop: connect, open the folder read-only, every mail's PDF attachment read whole into a file. */
    private static void download(Session session, String host, int port, String user, String password, String name,
            Path out) throws Exception {
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        long bytes = 0;
        int mails;
        int pdfs = 0;
        Store store = session.getStore("imap");
        store.connect(host, port, user, password);
        try {
            Folder folder = store.getFolder(name);
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            mails = messages.length;
            // The structure of every mail in one command, as a jakarta.mail user is told to do.
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            folder.fetch(messages, profile);
            byte[] buffer = new byte[64 * 1024];
            for (Message message : messages) {
                long uid = ((UIDFolder) folder).getUID(message);
                int found = 0;
                if (message.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart part = multipart.getBodyPart(i);
                        String fileName = part.getFileName();
                        if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName == null
                                || !fileName.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                            continue;
                        }
                        try (InputStream in = part.getInputStream();
                                OutputStream file = Files.newOutputStream(out.resolve(uid + "-" + fileName))) {
                            for (int n; (n = in.read(buffer)) > 0;) {
                                file.write(buffer, 0, n);
                                bytes += n;
                            }
                        }
                        found++;
                    }
                }
                if (found != 1) {
                    throw new IllegalStateException("mail UID " + uid + " in " + name + " has " + found + " PDF attachments");
                }
                pdfs++;
            }
            folder.close(false);
        } finally {
            store.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "download loop over %s: %d mails, %d PDF attachments, %.1f MB, %.2f s, %.1f mails/s%n",
                name, mails, pdfs, bytes / 1e6, seconds, mails / seconds);
        System.out.printf(Locale.ROOT, "seconds=%.3f mails=%d%n", seconds, mails);
    }
}
