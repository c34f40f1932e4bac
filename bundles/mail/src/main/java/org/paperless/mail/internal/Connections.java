package org.paperless.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets jakarta.mail opens for one fetch, made through these factories so that they can all be closed
 * from another thread: an interrupt does not end a blocking socket read, closing the socket does. That is how
 * a bundle stop ends a fetch at once.
 */
final class Connections {

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final SSLSocketFactory tls;
    private volatile boolean closed;

    Connections(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** For plain connections and the first half of STARTTLS. */
    SocketFactory plain() {
        return new Plain();
    }

    /** For SSL and STARTTLS: jakarta.mail hands it the plain socket to wrap. */
    SSLSocketFactory secure() {
        return new Secure();
    }

    /** Closes every socket, now and from now on. */
    void closeAll() {
        closed = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private <S extends Socket> S track(S socket) throws IOException {
        open.add(socket);
        if (closed) {
            closeQuietly(socket);
            throw new IOException("The mail fetch was stopped");
        }
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }

    private final class Plain extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            return track(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(new Socket(address, port, localAddress, localPort));
        }
    }

    private final class Secure extends SSLSocketFactory {
        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            track(socket);
            return track(tls.createSocket(socket, host, port, autoClose));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(tls.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(tls.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(tls.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(tls.createSocket(address, port, localAddress, localPort));
        }
    }
}
