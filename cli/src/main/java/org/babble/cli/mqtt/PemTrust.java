package org.babble.cli.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.babble.core.BabbleException;

/**
 * TLS sockets that trust the CA certificates in one PEM file and nothing else: a home broker's own CA (Mosquitto with
 * a self-signed CA is the usual set-up) without adding it to the JVM's trust store. The host name is still checked.
 */
final class PemTrust {
    private PemTrust() {}

    static SSLSocketFactory sockets(Path caFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new BabbleException(
                    caFile, "cannot read the CA certificate: " + e.getMessage(), "give the broker's CA as a PEM file");
        } catch (GeneralSecurityException e) {
            throw notPem(caFile, e);
        }
        if (certificates.isEmpty()) {
            throw notPem(caFile, null);
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new BabbleException(caFile, "cannot set up TLS with this CA: " + e.getMessage(), null, e);
        }
    }

    private static BabbleException notPem(Path caFile, Exception cause) {
        return new BabbleException(
                caFile,
                "no X.509 certificate in it",
                "give the CA certificate in PEM form (-----BEGIN CERTIFICATE-----)",
                cause);
    }
}
