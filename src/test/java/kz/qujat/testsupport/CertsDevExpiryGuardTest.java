package kz.qujat.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kz.qujat.domain.PolicyBook;
import org.junit.jupiter.api.Test;

/**
 * The committed development PKI meets the real clock in every test that talks to a server. This guard fails a full
 * year before any certs-dev certificate or CRL stops being usable (or when one is not valid yet), with the command
 * that makes them again, so the suite never turns red on the day they expire.
 */
class CertsDevExpiryGuardTest {
    private static final Duration MARGIN = Duration.ofDays(365);
    private static final String REMAKE = "make certs-dev again: ./mvnw -B -q package -DskipTests && "
            + "java -jar target/qujat.jar devpki --out certs-dev";

    @Test
    void everyCertificateAndCrlOfCertsDevIsValidNowAndForAnotherYear() throws Exception {
        Instant now = TestClock.NOW;
        Instant horizon = now.plus(MARGIN);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : files(".crt")) {
            if (file.getFileName().toString().startsWith("officer-expired")) {
                continue; // expired on purpose: the login refusal of an expired certificate is tested with it
            }
            X509Certificate c = certificate(file);
            checked++;
            if (c.getNotBefore().toInstant().isAfter(now)) {
                problems.add(file + " is not valid before " + c.getNotBefore().toInstant());
            }
            if (c.getNotAfter().toInstant().isBefore(horizon)) {
                problems.add(file + " expires on " + c.getNotAfter().toInstant());
            }
        }
        for (Path file : files(".crl")) {
            X509CRL crl = crl(file);
            checked++;
            if (crl.getThisUpdate().toInstant().isAfter(now)) {
                problems.add(file + " is issued in the future, " + crl.getThisUpdate().toInstant());
            }
            if (crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(horizon)) {
                problems.add(file + " has its next update on " + crl.getNextUpdate());
            }
        }
        assertThat(checked).as("certificates and CRLs found in " + DevIdentities.dir()).isGreaterThan(10);
        assertThat(problems).as("within a year of %s: %s", now, REMAKE).isEmpty();
    }

    @Test
    void theExpiredIdentityIsExpiredSoItsRefusalIsTested() throws Exception {
        X509Certificate c = certificate(DevIdentities.file("officer-expired-auth.crt"));
        assertThat(c.getNotAfter().toInstant()).isBefore(TestClock.NOW);
    }

    @Test
    void theBuiltInDemonstrationPolicyIsInForceTodaySoTheSuiteCanSubmit() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/kz/qujat/domain/policies-demo.properties")) {
            assertThat(in).as("policies-demo.properties").isNotNull();
            PolicyBook book = PolicyBook.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(book.inForceOn(TestClock.today())).as("a policy version in force on " + TestClock.today())
                    .isPresent();
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(DevIdentities.dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static X509Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509CRL crl(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }
}
