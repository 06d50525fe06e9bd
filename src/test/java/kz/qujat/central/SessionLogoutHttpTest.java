package kz.qujat.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kz.qujat.api.Paths;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions are taken from memory for a bounded time after their database check (no pool round trip on most
 * requests), and a logout still ends the session everywhere: at once on the instance that received it, and within
 * the other instances' recheck bound (here 2 s) on every other instance on the same database.
 */
class SessionLogoutHttpTest {
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private static TestCentral a;
    private static CentralServer b;
    private static Http httpB;

    @BeforeAll
    static void start() throws Exception {
        a = new TestCentral(c -> c.sessionRecheck(RECHECK));
        b = CentralServer.start(CentralConfig.builder().port(0).db(a.jdbcUrl).trustDir(DevIdentities.file("trust"))
                .staffFile(DevIdentities.file("staff-dev.csv")).sessionRecheck(RECHECK).build());
        httpB = new Http(b.url());
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    private static String login() {
        Http.Answer r = a.loginAnswer("officer-astana", false);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("token").asText();
    }

    @Test
    void aLogoutOnOneInstanceEndsTheSessionThereAtOnceAndOnEveryOtherWithinTheRecheckBound() throws Exception {
        String token = login();
        String other = login();
        // the session works on both instances (and instance B now holds it in memory)
        assertThat(a.http.get(Paths.QUEUE, token).status()).isEqualTo(200);
        assertThat(httpB.get(Paths.QUEUE, token).status()).isEqualTo(200);

        long loggedOut = System.nanoTime();
        assertThat(a.http.delete(Paths.SESSION, token).status()).isEqualTo(204);
        // at once where it was logged out
        assertThat(a.http.get(Paths.QUEUE, token).status()).isEqualTo(401);
        // on the other instance within the bound: refused by then, and for good
        ApplicantLoopHttpTest.await(RECHECK.plusSeconds(2), () -> httpB.get(Paths.QUEUE, token).status() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - loggedOut)).isLessThan(RECHECK.plusSeconds(2));
        assertThat(httpB.get(Paths.QUEUE, token).status()).isEqualTo(401);
        // logging out again: the session is unknown
        assertThat(httpB.delete(Paths.SESSION, token).status()).isEqualTo(401);
        assertThat(a.http.delete(Paths.SESSION, null).status()).isEqualTo(401);
        // the officer's other session is untouched
        assertThat(httpB.get(Paths.QUEUE, other).status()).isEqualTo(200);
        assertThat(a.http.get(Paths.QUEUE, other).status()).isEqualTo(200);
    }

    @Test
    void aLogoutOnTheOtherInstanceEndsTheSessionHereWithinTheBound() throws Exception {
        String token = login();
        assertThat(a.http.get(Paths.QUEUE, token).status()).isEqualTo(200);
        assertThat(httpB.delete(Paths.SESSION, token).status()).isEqualTo(204);
        assertThat(httpB.get(Paths.QUEUE, token).status()).isEqualTo(401);
        ApplicantLoopHttpTest.await(RECHECK.plusSeconds(2), () -> a.http.get(Paths.QUEUE, token).status() == 401);
    }

    @Test
    void theWorkstationsClientEndsItsSessionOnTheServerWhenTheOfficerLogsOut() throws Exception {
        kz.qujat.client.StaffClient client = a.login("officer-astana");
        String token = client.session().token();
        assertThat(a.http.get(Paths.QUEUE, token).status()).isEqualTo(200);
        client.logout();
        assertThat(a.http.get(Paths.QUEUE, token).status()).isEqualTo(401);
        client.logout(); // nothing left to end: no call, no error
        org.assertj.core.api.Assertions.assertThatThrownBy(client::next)
                .isInstanceOf(kz.qujat.client.CentralException.class);
    }
}
