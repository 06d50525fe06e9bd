package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import kz.qujat.eds.VerificationResult.Failure;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestClock;
import org.junit.jupiter.api.Test;

/**
 * A certification path built once is taken again only while every certificate of it is valid at the time asked:
 * the same signer checked again gives the same path, and after the signer's expiry (or before its start) the path
 * is built again and refused, never served from what was built before.
 */
class ChainCheckPathCacheTest {
    @Test
    void aPathBuiltBeforeIsReusedOnlyWhileEveryCertificateOfItIsValid() {
        SigningKey key = DevIdentities.signingKey("officer-astana");
        X509Certificate signer = key.certificate();
        ChainCheck check = new ChainCheck(DevIdentities.trust());
        // the CRLs are judged at the test clock's time; the path at the time asked
        Instant now = TestClock.NOW;
        Instant valid = now;

        ChainCheck.Outcome first = check.check(signer, key.chain(), valid, now, false);
        assertThat(first.problem()).isNull();
        ChainCheck.Outcome again = check.check(signer, key.chain(), valid.plusSeconds(60), now, false);
        assertThat(again.problem()).isNull();
        assertThat(again.path()).isEqualTo(first.path());

        Instant expired = signer.getNotAfter().toInstant().plusSeconds(1);
        ChainCheck.Outcome late = check.check(signer, key.chain(), expired, now, false);
        assertThat(late.problem()).isNotNull();
        assertThat(late.problem().failure()).isEqualTo(Failure.UNTRUSTED);

        Instant early = signer.getNotBefore().toInstant().minusSeconds(1);
        assertThat(check.check(signer, key.chain(), early, now, false).problem()).isNotNull();

        // and a fresh check of the same signer after those refusals still finds the path
        assertThat(check.check(signer, List.of(), valid, now, false).problem()).isNull();
    }
}
