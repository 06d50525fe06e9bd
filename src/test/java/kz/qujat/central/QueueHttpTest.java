package kz.qujat.central;

import kz.qujat.testsupport.Await;

import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.Http;
import kz.qujat.testsupport.TestCentral;
import kz.qujat.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.qujat.api.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The officer's queue through real HTTP: order, keyset pagination, claims, release, expiry, concurrency. */
class QueueHttpTest {
    @TempDir
    Path tmp;

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void queueIsTheRegionsWaitingApplicationsOldestFirstPageByPage() throws Exception {
        try (TestCentral f = new TestCentral()) {
            List<String> astana = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                astana.add(f.submit("ASTANA").id().toString());
                f.submit("ALMATY");
            }
            String token = f.token("officer-astana");
            JsonNode page1 = f.http.get(Paths.QUEUE + "?limit=2", token).json();
            assertThat(ids(page1)).containsExactly(astana.get(0), astana.get(1));
            assertThat(page1.get(0).get("ticketNumber").asText()).matches("Q-\\d{7}-\\d");
            JsonNode page2 = f.http.get(Paths.QUEUE + "?limit=2&after=" + astana.get(1), token).json();
            assertThat(ids(page2)).containsExactly(astana.get(2), astana.get(3));
            JsonNode page3 = f.http.get(Paths.QUEUE + "?limit=2&after=" + astana.get(3), token).json();
            assertThat(ids(page3)).containsExactly(astana.get(4));
            assertThat(f.http.get(Paths.QUEUE + "?limit=0", token).status()).isEqualTo(400);
            assertThat(f.http.get(Paths.QUEUE + "?after=xyz", token).status()).isEqualTo(400);

            JsonNode next = f.http.post(Paths.QUEUE_NEXT, token, "").json();
            assertThat(next.get("id").asText()).isEqualTo(astana.get(0));
            assertThat(next.get("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(next.get("claimedBy").get("officerIin").asText()).isEqualTo("850314312017");
            assertThat(ids(f.http.get(Paths.QUEUE, token).json())).doesNotContain(astana.get(0)).hasSize(4);
            // the claim's history row and its two audit events, written in the claim's transaction, in this order
            List<List<Object>> history = f.query("SELECT event, from_status, to_status, actor_iin FROM history"
                    + " WHERE application_id = ?::uuid ORDER BY id", astana.get(0));
            assertThat(history.get(history.size() - 1)).containsExactly("CLAIM", "SUBMITTED", "IN_REVIEW",
                    "850314312017");
            assertThat(f.query("SELECT kind, actor_iin, detail FROM audit_event WHERE application_id = ?::uuid"
                    + " AND kind IN ('CLAIM', 'PD_READ') ORDER BY event_id", astana.get(0))).containsExactly(
                    List.of("CLAIM", "850314312017", "{\"from\":\"SUBMITTED\",\"to\":\"IN_REVIEW\"}"),
                    List.of("PD_READ", "850314312017", "{\"role\":\"OFFICER\",\"what\":\"detail\"}"));
            for (int i = 1; i < 5; i++) {
                assertThat(f.http.post(Paths.QUEUE_NEXT, token, "").json().get("id").asText()).isEqualTo(astana.get(i));
            }
            assertThat(f.http.post(Paths.QUEUE_NEXT, token, "").status()).isEqualTo(204);
        }
    }

    @Test
    void claimsAreExclusiveAndOnlyTheHolderReleases() throws Exception {
        // a directory where the ECDSA officer also works in Astana, so that two officers compete
        Path staff = twoAstanaOfficers();
        try (TestCentral f = new TestCentral(b -> b.staffFile(staff))) {
            UUID id = f.submit("ASTANA").id();
            assertThat(f.claim("officer-astana", id).status()).isEqualTo(200);
            assertThat(f.claim("officer-astana", id).status()).as("the holder may claim again").isEqualTo(200);
            Http.Answer other = f.claim("officer-almaty", id);
            assertThat(other.status()).isEqualTo(409);
            assertThat(other.json().get("detail").asText()).contains("another officer");
            Http.Answer wrongRelease = f.http.post(Paths.fill(Paths.RELEASE, "id", id.toString()),
                    f.token("officer-almaty"), "");
            assertThat(wrongRelease.status()).isEqualTo(409);
            Http.Answer release = f.http.post(Paths.fill(Paths.RELEASE, "id", id.toString()),
                    f.token("officer-astana"), "");
            assertThat(release.status()).isEqualTo(200);
            assertThat(release.json().get("status").asText()).isEqualTo("SUBMITTED");
            assertThat(f.claim("officer-almaty", id).status()).isEqualTo(200);
            JsonNode history = f.detail("officer-almaty", id).get("history");
            assertThat(history.findValuesAsText("event")).containsExactly("SUBMIT", "CLAIM", "RELEASE", "CLAIM");
            assertThat(history.get(2).get("actorIin").asText()).isEqualTo("850314312017");
            assertThat(f.claim("officer-astana", UUID.randomUUID()).status()).isEqualTo(404);
        }
    }

    @Test
    void anExpiredClaimOfAnotherOfficerIsTakenOverAtClaimTime() throws Exception {
        Path staff = twoAstanaOfficers();
        // the sweep is far away: only the claim itself can notice the expiry
        try (TestCentral f = new TestCentral(b -> b.staffFile(staff).claimTtl(Duration.ofMillis(500))
                .sweepInterval(Duration.ofHours(1)))) {
            UUID id = f.submit("ASTANA").id();
            assertThat(f.claim("officer-astana", id).status()).isEqualTo(200);
            java.time.Instant expires = java.time.Instant.parse(
                    f.detail("officer-astana", id).get("claimedBy").get("expiresAt").asText());
            Await.until(Duration.ofSeconds(5), "the 500 ms claim to expire",
                    () -> TestClock.liveNow().isAfter(expires.plusMillis(50)));
            Http.Answer taken = f.claim("officer-almaty", id);
            assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
            assertThat(taken.json().get("claimedBy").get("officerIin").asText()).isEqualTo("900722423029");
            assertThat(taken.json().get("history").findValuesAsText("event"))
                    .containsExactly("SUBMIT", "CLAIM", "CLAIM_EXPIRED", "CLAIM");
        }
    }

    private Path twoAstanaOfficers() throws java.io.IOException {
        Path staff = tmp.resolve("staff-two.csv");
        Files.writeString(staff, Files.readString(DevIdentities.dir().resolve("staff-dev.csv"), StandardCharsets.UTF_8)
                .replace("900722423029,НУРЛАНОВА,АЙГЕРИМ,OFFICER,ALMATY,", "900722423029,НУРЛАНОВА,АЙГЕРИМ,OFFICER,ASTANA,"),
                StandardCharsets.UTF_8);
        return staff;
    }

    @Test
    void anotherRegionsApplicationIsNotFound() throws Exception {
        try (TestCentral f = new TestCentral()) {
            UUID almaty = f.submit("ALMATY").id();
            assertThat(f.claim("officer-astana", almaty).status()).isEqualTo(404);
            assertThat(f.http.get(Paths.fill(Paths.APPLICATION, "id", almaty.toString()), f.token("officer-astana"))
                    .status()).isEqualTo(404);
            assertThat(f.http.get(Paths.fill(Paths.PHOTO, "id", almaty.toString()), f.token("officer-astana"))
                    .status()).isEqualTo(404);
            assertThat(f.detail("supervisor", almaty).get("region").asText()).isEqualTo("ALMATY");
        }
    }

    @Test
    void anExpiredClaimGoesBackToTheQueue() throws Exception {
        try (TestCentral f = new TestCentral(b -> b.claimTtl(Duration.ofSeconds(1))
                .sweepInterval(Duration.ofMillis(200)))) {
            UUID id = f.submit("ASTANA").id();
            assertThat(f.claim("officer-astana", id).status()).isEqualTo(200);
            Await.until(Duration.ofSeconds(10), "the sweep to give the claim back",
                    () -> f.detail("officer-astana", id).get("status").asText().equals("SUBMITTED"));
            JsonNode d = f.detail("officer-astana", id);
            assertThat(d.get("status").asText()).isEqualTo("SUBMITTED");
            assertThat(d.get("claimedBy").isNull()).isTrue();
            assertThat(d.get("history").findValuesAsText("event")).containsExactly("SUBMIT", "CLAIM", "CLAIM_EXPIRED");
            assertThat(f.http.post(Paths.QUEUE_NEXT, f.token("officer-astana"), "").json().get("id").asText())
                    .isEqualTo(id.toString());
        }
    }

    @Test
    void eightOfficersClaimingAtOnceGetEveryApplicationExactlyOnce() throws Exception {
        try (TestCentral f = new TestCentral()) {
            Set<String> submitted = new java.util.HashSet<>();
            for (int i = 0; i < 50; i++) {
                submitted.add(f.submit("ASTANA").id().toString());
            }
            String token = f.token("officer-astana");
            ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        Http http = new Http(f.url());
                        while (true) {
                            Http.Answer a = http.post(Paths.QUEUE_NEXT, token, "");
                            if (a.status() == 204) {
                                return null;
                            }
                            assertThat(a.status()).as(a.toString()).isEqualTo(200);
                            claimed.add(a.json().get("id").asText());
                        }
                    }));
                }
                for (Future<?> fu : futures) {
                    fu.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(claimed).hasSize(50).doesNotHaveDuplicates();
            assertThat(Set.copyOf(claimed)).isEqualTo(submitted);
            assertThat(f.scalar("SELECT count(*) FROM application WHERE status = 'IN_REVIEW'")).isEqualTo(50L);
            assertThat(f.query("SELECT application_id FROM history WHERE event = 'CLAIM' GROUP BY application_id"
                    + " HAVING count(*) <> 1")).isEmpty();
            assertThat(f.scalar("SELECT count(*) FROM history WHERE event = 'CLAIM'")).isEqualTo(50L);
        }
    }
}
