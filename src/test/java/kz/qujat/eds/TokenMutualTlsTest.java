package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.SoftHsm;
import org.junit.jupiter.api.Test;

/** The token's authentication key serves as the client key of a mutual-TLS connection, chain included. */
class TokenMutualTlsTest {
    @Test
    void serverRequiringClientCertificatesSeesTheTokenCertificateAndItsIntermediate() throws Exception {
        SoftHsm.Token token = SoftHsm.tokens().ec();
        try (Pkcs11KeySource source = Pkcs11KeySource.open(token.config(), SoftHsm.PIN.toCharArray(), DevIdentities.trust())) {
            Provider tokenProvider = source.authenticationKey().provider();
            // JSSE finds the signature implementation for a token key through the installed providers
            Security.addProvider(tokenProvider);
            try {
                SSLContext client = SSLContext.getInstance("TLS");
                client.init(new TokenKeyManager[] {source.keyManager()}, trustRoot().getTrustManagers(), null);
                try (SSLServerSocket server = (SSLServerSocket) serverContext().getServerSocketFactory().createServerSocket(0)) {
                    server.setNeedClientAuth(true);
                    CompletableFuture<X509Certificate[]> seen = CompletableFuture.supplyAsync(() -> {
                        try (SSLSocket s = (SSLSocket) server.accept()) {
                            s.startHandshake();
                            s.getOutputStream().write(1);
                            return (X509Certificate[]) s.getSession().getPeerCertificates();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost", server.getLocalPort())) {
                        s.startHandshake();
                        assertThat(s.getInputStream().read()).isEqualTo(1);
                    }
                    X509Certificate[] chain = seen.get(20, TimeUnit.SECONDS);
                    assertThat(chain[0]).isEqualTo(token.authentication());
                    assertThat(chain).hasSize(2);
                }
            } finally {
                Security.removeProvider(tokenProvider.getName());
            }
        }
    }

    private static TrustManagerFactory trustRoot() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", DevIdentities.trust().anchors().get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        return tmf;
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(DevIdentities.file("tls-server.p12"))) {
            ks.load(in, DevIdentities.password());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, DevIdentities.password());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), trustRoot().getTrustManagers(), null);
        return server;
    }
}
