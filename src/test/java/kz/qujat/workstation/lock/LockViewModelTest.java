package kz.qujat.workstation.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.workstation.AppContext;
import kz.qujat.workstation.SessionScope;
import kz.qujat.workstation.StatusModel;
import kz.qujat.workstation.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockViewModelTest {
    @TempDir
    Path data;

    @Test
    void onlyThePasswordOfTheLoggedInKeyUnlocksAndTheArrayIsCleared() {
        AppContext app = TestContexts.app(data, "http://localhost:9");
        SessionScope scope = TestContexts.officer(app, new StatusModel(app.i18n()), new ArrayList<>());
        AtomicInteger unlocked = new AtomicInteger();
        LockViewModel lock = new LockViewModel(app, scope.session(), unlocked::incrementAndGet);

        char[] wrong = "nope".toCharArray();
        lock.unlock(wrong);
        assertThat(wrong).containsOnly('\0');
        assertThat(unlocked).hasValue(0);
        assertThat(lock.messageProperty().get()).contains("Wrong password");

        lock.unlock(DevIdentities.PASSWORD.toCharArray());
        assertThat(unlocked).hasValue(1);
        assertThat(lock.messageProperty().get()).isEmpty();
    }

    @Test
    void aRefusedSessionEndsItAndOtherFailuresAreShownInTheUsersLanguage() {
        AppContext app = TestContexts.app(data, "http://localhost:9");
        StatusModel status = new StatusModel(app.i18n());
        List<String> moves = new ArrayList<>();
        SessionScope scope = TestContexts.officer(app, status, moves);

        scope.failed(new kz.qujat.client.CentralException(409,
                kz.qujat.api.Problem.of(kz.qujat.api.ProblemKind.CONFLICT, "held by another officer")));
        assertThat(status.messageProperty().get()).isEqualTo("Someone else changed this in the meantime. Reload and try again.");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(moves).isEmpty();

        app.i18n().localeProperty().set(kz.qujat.workstation.I18n.RUSSIAN);
        scope.failed(new kz.qujat.client.CentralException("connection refused", new java.io.IOException("refused")));
        assertThat(status.messageProperty().get()).startsWith("Центральный сервис недоступен");

        scope.failed(new kz.qujat.client.CentralException(401,
                kz.qujat.api.Problem.of(kz.qujat.api.ProblemKind.UNAUTHENTICATED, "expired")));
        assertThat(moves).containsExactly("expired");
    }
}
