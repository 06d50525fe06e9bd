package kz.qujat.eds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.junit.jupiter.api.Test;

/** The claimed signing time read with java.time is the instant Bouncy Castle's own reading gives, or left to it. */
class SigningTimeTest {
    @Test
    void aUtcTimeReadsAsBouncyCastleReadsIt() throws Exception {
        for (String encoded : List.of("261202100512Z", "491231235959Z", "500101000000Z", "700101000000Z",
                "2612021005Z", "261202100512+0500", "261202100512-0330", "000229120000Z")) {
            ASN1UTCTime time = new ASN1UTCTime(encoded);
            assertThat(CmsVerifier.utcTime(time.getAdjustedTime())).as(encoded)
                    .isEqualTo(time.getAdjustedDate().toInstant());
        }
    }

    @Test
    void whatJavaTimeDoesNotTakeIsLeftToBouncyCastle() {
        assertThat(CmsVerifier.utcTime("20261302100512GMT+00:00")).as("month 13").isNull();
        assertThat(CmsVerifier.utcTime("20261202246512GMT+00:00")).as("hour 24").isNull();
        assertThat(CmsVerifier.utcTime("20261202100512Z")).as("not as Bouncy Castle adjusts").isNull();
        assertThat(CmsVerifier.utcTime("20261202100512GMT+19:00")).as("offset out of range").isNull();
    }
}
