package kz.qujat.workstation;

import kz.qujat.api.ProblemKind;
import kz.qujat.client.CentralException;
import kz.qujat.eds.EdsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into one sentence in the user's language: a server problem by its kind (problem+json
 * {@code type}), an unreachable server, a key store error. The details go to the log, never to the screen.
 */
public final class ErrorMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);
    private final I18n i18n;

    public ErrorMessages(I18n i18n) {
        this.i18n = i18n;
    }

    public String of(Exception e) {
        return phrase(e).in(i18n);
    }

    /** The sentence kept as a {@link Phrase} (worded again after a language switch); the failure is logged once. */
    public Phrase phrase(Exception e) {
        if (e instanceof CentralException c) {
            return central(c);
        }
        if (e instanceof EdsException eds) {
            LOG.info("key store failure: {}", eds.kind());
            return Phrase.of("error.eds." + eds.kind().name());
        }
        LOG.warn("unexpected failure", e);
        return Phrase.of("error.unexpected");
    }

    private Phrase central(CentralException c) {
        if (c.status() == 0) {
            LOG.info("central service not reachable: {}", c.getMessage());
            return Phrase.of("error.unreachable");
        }
        LOG.info("central service answered {}: {}", c.status(), c.problem().map(p -> p.type()).orElse("?"));
        return Phrase.of("problem." + c.kind().orElse(ProblemKind.INTERNAL).slug());
    }
}
