package org.paperless.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for mail servers: the JVM's certificate authorities, plus the certificates of a PEM file
 * when one is given (paperless-ngx's PAPERLESS_EMAIL_CERTIFICATE_LOCATION, for a server with its own CA).
 * The host name is always checked against the certificate.
 */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static SSLSocketFactory socketFactory(Path extraPem) {
        try {
            if (extraPem == null) {
                return (SSLSocketFactory) SSLSocketFactory.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate jvm : jvmAuthorities()) {
                store.setCertificateEntry("jvm-" + n++, jvm);
            }
            try (InputStream in = Files.newInputStream(extraPem)) {
                for (Certificate extra : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("extra-" + n++, extra);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the mail server certificates in " + extraPem + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> jvmAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> all = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                all.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return all;
    }
}
