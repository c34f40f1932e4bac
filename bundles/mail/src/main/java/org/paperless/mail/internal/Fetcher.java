package org.paperless.mail.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLSocketFactory;

import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailFetcher.AccountResult;
import org.paperless.api.mail.MailFetcher.FetchReport;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;

/**
 * The fetch itself, one at a time, on the caller's thread, account after account. {@link #stop} ends a
 * running fetch at once from another thread (interrupt, and every socket closed) and waits for it; what
 * it leaves PENDING or STORED the next fetch finishes.
 */
final class Fetcher {

    private final Services services;
    private final ImapConnector connector;
    private final SSLSocketFactory tls;
    private final Path stagingRoot;
    private final Limits limits;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopped;
    private volatile Thread runner;
    private volatile Connections current;

    Fetcher(Services services, ImapSettings settings, Path stagingRoot, Limits limits, Clock clock) {
        this.services = services;
        this.connector = new ImapConnector(settings);
        this.tls = TrustedCertificates.socketFactory(settings.trustedCertificates());
        this.stagingRoot = stagingRoot;
        this.limits = limits;
        this.clock = clock;
    }

    FetchReport fetch(String accountName) throws InterruptedException {
        if (stopped) {
            throw new IllegalStateException("The mail fetcher is stopping");
        }
        if (!running.tryLock()) {
            throw new IllegalStateException("A mail fetch is already running");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Fetcher.class.getClassLoader());
        synchronized (this) {
            runner = thread;
        }
        try {
            List<MailAccount> accounts = accountName == null ? services.accounts().list()
                    : List.of(services.accounts().resolve(accountName));
            List<AccountResult> results = new ArrayList<>();
            for (MailAccount account : accounts) {
                if (stopped || thread.isInterrupted()) {
                    throw new InterruptedException("The mail fetch was stopped");
                }
                Connections connections = new Connections(tls);
                current = connections;
                try {
                    results.add(new AccountRun(services, connector, account, stagingRoot, limits, () -> stopped, clock)
                            .run(connections));
                } finally {
                    current = null;
                    connections.closeAll();
                }
            }
            return new FetchReport(results);
        } finally {
            synchronized (this) {
                runner = null;
                if (stopped) {
                    Thread.interrupted(); // stop()'s interrupt is answered here, not by the caller's next wait
                }
            }
            thread.setContextClassLoader(previous);
            running.unlock();
        }
    }

    /** Logs in and lists the folders; the exception's message says what went wrong. */
    List<String> test(MailAccount account) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Fetcher.class.getClassLoader());
        Connections connections = new Connections(tls);
        Store store = null;
        try {
            store = connector.connect(account, connections);
            return ImapConnector.folders(store);
        } catch (MessagingException e) {
            throw new IllegalStateException(Failures.account(e, account), e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException e) {
                    // logged in and listed: the logout does not matter
                }
            }
            connections.closeAll();
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Refuses new fetches, ends the running one and waits for it.
     *
     * @return whether no fetch runs any more
     */
    boolean stop(Duration wait) throws InterruptedException {
        synchronized (this) {
            stopped = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
        Connections connections = current;
        if (connections != null) {
            connections.closeAll();
        }
        if (running.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            running.unlock();
            return true;
        }
        return false;
    }
}
