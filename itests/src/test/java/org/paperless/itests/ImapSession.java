package org.paperless.itests;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few IMAP commands over a plain socket, to put mails on a test server and look at them afterwards. No
 * jakarta.mail: this runs inside the test Karaf too, where the fetcher keeps its own copy to itself.
 */
final class ImapSession implements Closeable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    ImapSession(String host, int port, String user, String password) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        String greeting = line();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("Not an IMAP server at " + host + ":" + port + ": " + greeting);
        }
        command("LOGIN " + quoted(user) + " " + quoted(password));
    }

    void create(String folder) throws IOException {
        command("CREATE " + quoted(folder));
    }

    void delete(String folder) throws IOException {
        command("DELETE " + quoted(folder));
    }

    /** Adds a mail as the server received it (no flags: unseen). */
    void append(String folder, byte[] mail) throws IOException {
        String t = nextTag();
        send(t + " APPEND " + quoted(folder) + " {" + mail.length + "}");
        String go = line();
        if (!go.startsWith("+")) {
            throw new IOException("APPEND refused: " + go);
        }
        out.write(mail);
        send("");
        finish(t, "APPEND");
    }

    int messages(String folder) throws IOException {
        return status(folder, "MESSAGES");
    }

    int unseen(String folder) throws IOException {
        return status(folder, "UNSEEN");
    }

    private int status(String folder, String item) throws IOException {
        for (String untagged : command("STATUS " + quoted(folder) + " (" + item + ")")) {
            Matcher m = Pattern.compile(item + " (\\d+)").matcher(untagged);
            if (untagged.startsWith("* STATUS") && m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("No " + item + " in the STATUS answer for " + folder);
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT");
        } catch (IOException e) {
            // the server may close first
        } finally {
            socket.close();
        }
    }

    /** @return the untagged answers; an answer other than OK is an IOException */
    private List<String> command(String text) throws IOException {
        String t = nextTag();
        send(t + " " + text);
        return finish(t, text.startsWith("LOGIN") ? "LOGIN" : text);
    }

    private List<String> finish(String t, String what) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String answer = line();
            if (answer.startsWith(t + " ")) {
                if (!answer.startsWith(t + " OK")) {
                    throw new IOException(what + ": " + answer);
                }
                return untagged;
            }
            untagged.add(answer);
        }
    }

    private String nextTag() {
        return "t" + (++tag);
    }

    private void send(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One answer line, with any literal it announces read into it. */
    private String line() throws IOException {
        StringBuilder answer = new StringBuilder();
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int previous = -1;
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    throw new IOException("The server closed the connection after: " + answer + bytes);
                }
                if (previous == '\r' && b == '\n') {
                    break;
                }
                if (previous >= 0) {
                    bytes.write(previous);
                }
                previous = b;
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            answer.append(text);
            Matcher literal = LITERAL.matcher(text);
            if (!literal.find()) {
                return answer.toString();
            }
            answer.append(new String(in.readNBytes(Integer.parseInt(literal.group(1))), StandardCharsets.UTF_8));
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
