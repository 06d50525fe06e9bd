package kz.qujat.workstation.login;

import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.client.CentralException;
import kz.qujat.eds.EdsException;
import kz.qujat.eds.VerificationResult;
import kz.qujat.workstation.ErrorMessages;
import kz.qujat.workstation.Phrase;

/**
 * The login screen's sentences for what went wrong: a refused PIN with the token's counter, a key store
 * error, a certificate the server refused (with the reason it gave), a person not in the staff directory;
 * everything else as {@link ErrorMessages} says it.
 */
final class LoginErrors {
    private final ErrorMessages errors;

    LoginErrors(ErrorMessages errors) {
        this.errors = errors;
    }

    /** What the token's PIN counter says before the PIN is typed; empty when all is well. */
    Phrase pinWarning(TokenChoice.PinState state) {
        return switch (state) {
            case OK -> Phrase.NONE;
            case COUNT_LOW -> Phrase.of("login.pin.countLowAhead");
            case FINAL_TRY -> Phrase.of("login.pin.finalTryAhead");
            case LOCKED -> Phrase.of("login.pin.locked");
        };
    }

    Phrase describe(Exception e) {
        if (e instanceof PinRefused refused) {
            return Phrase.of(switch (refused.state()) {
                case OK -> "login.pin.wrong";
                case COUNT_LOW -> "login.pin.countLow";
                case FINAL_TRY -> "login.pin.finalTry";
                case LOCKED -> "login.pin.locked";
            });
        }
        if (e instanceof EdsException eds) {
            return Phrase.of(eds.kind() == EdsException.Kind.NO_SUCH_KEY
                    ? "login.verdict.WRONG_PURPOSE" : "error.eds." + eds.kind().name());
        }
        if (e instanceof CentralException c && c.kind().orElse(null) == ProblemKind.UNAUTHENTICATED) {
            return refused(c);
        }
        if (e instanceof CentralException c && c.kind().orElse(null) == ProblemKind.FORBIDDEN) {
            return Phrase.of("login.error.notStaff");
        }
        return errors.phrase(e);
    }

    /** A certificate the server refused: its reason in the user's words when the server gave its code. */
    private Phrase refused(CentralException c) {
        var code = c.problem().flatMap(Problem::reasonCode);
        if (code.isPresent()) {
            try {
                var failure = VerificationResult.Failure.valueOf(code.get());
                return Phrase.of("login.verdict." + CertificateJudge.of(failure).name());
            } catch (IllegalArgumentException unknown) {
                return Phrase.of("login.error.refused");
            }
        }
        return Phrase.of("login.error.refused");
    }
}
