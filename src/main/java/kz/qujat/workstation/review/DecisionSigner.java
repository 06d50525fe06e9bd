package kz.qujat.workstation.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import kz.qujat.api.DecisionDocument;
import kz.qujat.eds.CertificateProfile;
import kz.qujat.eds.CmsSigner;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.KeySource;
import kz.qujat.eds.SigningKey;
import kz.qujat.workstation.StaffSession;
import kz.qujat.workstation.login.CertificateJudge;
import kz.qujat.workstation.outbox.OutboxEntry;

/**
 * Signs a decision document with the officer's signing key and stores it in the outbox before anything is
 * sent. Refuses a second signature while a decision for the same application waits in the outbox, a key of
 * another person, and a signing certificate that is expired, revoked or untrusted.
 */
public final class DecisionSigner {
    /** Why nothing was signed. */
    public static final class Refused extends Exception {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final SigningServices services;
    private final StaffSession session;
    private final CertificateJudge judge;

    public DecisionSigner(SigningServices services, StaffSession session) {
        this.services = services;
        this.session = session;
        this.judge = new CertificateJudge(services.trust(), services.clock());
    }

    /**
     * Signs and stores with the (unsigned) inspection note, which may be null; the password array is cleared
     * whatever happens. Runs off the FX thread.
     */
    public OutboxEntry signAndStore(DecisionDocument doc, com.fasterxml.jackson.databind.JsonNode inspection,
                                    char[] password) throws EdsException, Refused {
        KeySource source = null;
        try {
            if (services.outbox().holds(doc.applicationId())) {
                throw new Refused("review.sign.alreadySigned");
            }
            // a token's key signs only while the token is logged in, so the keys are closed after signing
            source = session.keys().open(password, services.trust());
            SigningKey key = source.signingKey();
            if (!session.staffIin().equals(CertificateProfile.of(key.certificate()).iin())) {
                throw new Refused("review.sign.otherPerson");
            }
            CertificateJudge.Verdict verdict = judge.judge(key, KeyPurpose.SIGNING);
            if (verdict != CertificateJudge.Verdict.OK) {
                throw new Refused("login.verdict." + verdict.name());
            }
            byte[] bytes = doc.canonicalBytes();
            byte[] cms = CmsSigner.signDetached(key, bytes);
            Base64.Encoder b64 = Base64.getEncoder();
            OutboxEntry entry = new OutboxEntry(doc.applicationId(), doc.ticketNumber(), doc.decision(),
                    session.staffIin(), b64.encodeToString(bytes), b64.encodeToString(cms), Instant.now(services.clock()), 0,
                    null, inspection);
            services.outbox().put(entry);
            return entry;
        } finally {
            Arrays.fill(password, '\0');
            if (source != null) {
                source.close();
            }
        }
    }
}
