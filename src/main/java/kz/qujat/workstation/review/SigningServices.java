package kz.qujat.workstation.review;

import java.time.Clock;
import java.util.Optional;
import kz.qujat.eds.TrustConfig;
import kz.qujat.workstation.outbox.DecisionOutbox;

/** What signing a decision needs from the running workstation: the outbox, the trusted CAs and the clock. */
public interface SigningServices {
    DecisionOutbox outbox();

    /** The trusted CAs to judge the signing certificate; empty when only the server judges. */
    Optional<TrustConfig> trust();

    Clock clock();
}
