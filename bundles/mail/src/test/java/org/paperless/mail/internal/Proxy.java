package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of the test's IMAP server that can go away: after a number of bytes sent to the client
 * it drops every connection and refuses new ones until it is told to come back. The server goes away as a
 * real one would, mid-answer.
 */
final class Proxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong toClient = new AtomicLong();
    private volatile long cutAfter = Long.MAX_VALUE;
    private volatile boolean down;

    Proxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Goes down once this many more bytes went to the client. */
    void cutAfter(long bytes) {
        cutAfter = toClient.get() + bytes;
    }

    void comeBack() {
        cutAfter = Long.MAX_VALUE;
        down = false;
    }

    boolean isDown() {
        return down;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                relay(client.getInputStream(), server.getOutputStream(), false);
                relay(server.getInputStream(), client.getOutputStream(), true);
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void relay(InputStream in, OutputStream out, boolean countIt) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (countIt && toClient.addAndGet(n) > cutAfter) {
                        goDown();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed
            }
        }, "proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    private void goDown() {
        down = true;
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        goDown();
        listener.close();
    }
}
