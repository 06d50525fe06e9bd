package kz.qujat.workstation.login;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.client.CentralException;
import kz.qujat.workstation.ErrorMessages;
import kz.qujat.workstation.I18n;
import org.junit.jupiter.api.Test;

class LoginErrorsTest {
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final LoginErrors errors = new LoginErrors(new ErrorMessages(i18n));

    private static CentralException refused(Problem p) {
        return new CentralException(401, p);
    }

    @Test
    void aRefusedCertificateIsNamedByTheProblemsCodeNotByItsWording() {
        Problem revoked = Problem.of(ProblemKind.UNAUTHENTICATED, "any wording at all").withCode("REVOKED");
        assertThat(errors.describe(refused(revoked)).in(i18n)).isEqualTo(i18n.get("login.verdict.REVOKED"));
        Problem expired = Problem.of(ProblemKind.UNAUTHENTICATED, "signature refused (REVOKED)").withCode("EXPIRED");
        assertThat(errors.describe(refused(expired)).in(i18n)).isEqualTo(i18n.get("login.verdict.EXPIRED"));
    }

    @Test
    void withoutACodeOrWithAnUnknownOneTheLoginIsSimplyRefused() {
        Problem bare = Problem.of(ProblemKind.UNAUTHENTICATED, "signature refused (REVOKED): old server wording");
        assertThat(errors.describe(refused(bare)).in(i18n)).isEqualTo(i18n.get("login.error.refused"));
        Problem unknown = Problem.of(ProblemKind.UNAUTHENTICATED, "x").withCode("SOMETHING_NEW");
        assertThat(errors.describe(refused(unknown)).in(i18n)).isEqualTo(i18n.get("login.error.refused"));
    }
}
