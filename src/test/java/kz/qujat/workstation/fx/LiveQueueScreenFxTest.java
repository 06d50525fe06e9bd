package kz.qujat.workstation.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.TableView;
import kz.qujat.api.ApplicationDetail;
import kz.qujat.api.IntakeResponse;
import kz.qujat.api.Json;
import kz.qujat.api.LiveQueue;
import kz.qujat.api.ParkedOrder;
import kz.qujat.api.Paths;
import kz.qujat.api.Problem;
import kz.qujat.api.ProblemKind;
import kz.qujat.api.ProductionAck;
import kz.qujat.api.ProductionOrder;
import kz.qujat.client.StaffClient;
import kz.qujat.domain.Region;
import kz.qujat.testsupport.DevIdentities;
import kz.qujat.testsupport.TestCentral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's live queue in the real window: the queue per region with the oldest and the claims held, a stale
 * claim returned to the queue with a reason (recorded in the application's history with who and why), and an
 * order production kept refusing, parked and sent again. With {@code -Dqujat.screenshots=DIR} and a display, the
 * screen is saved as DIR/live-queue.png with {@code import -window root} (a real window under Xvfb).
 */
class LiveQueueScreenFxTest {
    static {
        // a picture for the README: a real GTK window on the X display (Xvfb) instead of headless Monocle; only
        // when asked, and only when this class runs in its own JVM (the toolkit is not started yet)
        if (System.getProperty("qujat.screenshots") != null && System.getenv("DISPLAY") != null) {
            System.setProperty("testfx.headless", "false");
            System.clearProperty("glass.platform");
            System.clearProperty("monocle.platform");
        }
    }

    @Test
    void theSupervisorSeesTheQueueReleasesAStaleClaimAndRetriesAParkedOrder(@TempDir Path data, @TempDir Path saves)
            throws Exception {
        // a production node that refuses every order (its trust anchors are out of date, say) until told otherwise
        AtomicBoolean refuse = new AtomicBoolean(true);
        List<UUID> accepted = new CopyOnWriteArrayList<>();
        Javalin production = Javalin.create(c -> c.showJavalinBanner = false).post(Paths.PRODUCTION_ORDERS, ctx -> {
            ProductionOrder order = Json.mapper().readValue(ctx.bodyAsBytes(), ProductionOrder.class);
            if (refuse.get()) {
                ctx.status(422).contentType(Problem.MEDIA_TYPE).result(Json.mapper().writeValueAsBytes(
                        Problem.of(ProblemKind.INVALID_DECISION, "officer signature not valid: untrusted issuer")));
                return;
            }
            accepted.add(order.applicationId());
            ctx.status(201).json(new ProductionAck(order.applicationId(), "IN_PRODUCTION", false));
        }).start(0);
        try (TestCentral central = new TestCentral(b -> b.production(URI.create("http://localhost:" + production.port()))
                .key(DevIdentities.file("central-service.p12"), DevIdentities.PASSWORD.toCharArray())
                .relayInterval(Duration.ofMillis(100)).maxRefusals(2))) {
            IntakeResponse approved = central.decided("officer-astana", Region.ASTANA, null, "APPROVE", null, null);
            IntakeResponse stale = central.submit(Region.ASTANA, null);
            StaffClient officer = central.login("officer-astana");
            ApplicationDetail held = officer.next().orElseThrow();
            assertThat(held.id()).isEqualTo(stale.applicationId());
            central.submit(Region.ASTANA, null);
            central.submit(Region.ALMATY, null);
            central.submit(Region.ALMATY, null);

            try (WorkstationDriver ws = new WorkstationDriver(central.url(), data, saves, "supervisor")) {
                ws.robot.clickOn("#nav-livequeue");
                ws.until(() -> ws.robot.lookup("#liveRegions").tryQuery().isPresent());
                TableView<?> regions = ws.robot.lookup("#liveRegions").queryAs(TableView.class);
                TableView<?> claims = ws.robot.lookup("#liveClaims").queryAs(TableView.class);
                TableView<?> parked = ws.robot.lookup("#liveParked").queryAs(TableView.class);
                // the national supervisor sees every region; the parked order appears once the relay gave up
                ws.until(() -> {
                    ws.robot.clickOn("#liveRefresh");
                    return parked.getItems().size() == 1 && claims.getItems().size() == 1;
                });
                LiveQueue.RegionLine astana = line(regions, "ASTANA");
                assertThat(astana.waiting()).isEqualTo(1);
                assertThat(astana.claimsHeld()).isEqualTo(1);
                assertThat(line(regions, "ALMATY").waiting()).isEqualTo(2);
                assertThat(regions.getItems()).hasSize(Region.values().length);
                assertThat(ws.text("#liveTotals")).isEqualTo(ws.app.i18n().get("live.totals", 3, 1, 1));
                LiveQueue.HeldClaim claim = (LiveQueue.HeldClaim) claims.getItems().get(0);
                assertThat(claim.ticketNumber()).isEqualTo(stale.ticketNumber());
                assertThat(claim.officerName()).contains("ЖАКСЫБЕКОВ");
                assertThat(ws.robot.from(claims).lookup(stale.ticketNumber()).tryQuery()).isPresent();
                ParkedOrder order = (ParkedOrder) parked.getItems().get(0);
                assertThat(order.ticketNumber()).isEqualTo(approved.ticketNumber());
                assertThat(order.lastError()).contains("untrusted issuer");
                screenshot(ws);

                // release: a reason is required
                // chosen through the table's selection (a click by position depends on the window an earlier FX test
                // of the same JVM left behind); the view follows the table's selection as it does for a click
                ws.robot.interact(() -> claims.getSelectionModel().select(0));
                ws.until(() -> ws.text("#liveClaimSelected").contains(stale.ticketNumber()));
                assertThat(ws.robot.lookup("#liveRelease").query().isDisabled()).as("no reason yet").isTrue();
                ws.robot.clickOn("#liveReleaseReason").write("сотрудник на больничном");
                ws.until(() -> !ws.robot.lookup("#liveRelease").query().isDisabled());
                ws.robot.clickOn("#liveRelease");
                ws.until(() -> claims.getItems().isEmpty() && line(regions, "ASTANA").waiting() == 2);
                assertThat(ws.text("#liveMessage")).isEqualTo(ws.app.i18n().get("live.release.done",
                        stale.ticketNumber()));
                var release = officer.detail(stale.applicationId()).history().stream()
                        .filter(h -> "RELEASE".equals(h.event())).findFirst().orElseThrow();
                assertThat(release.actorIin()).isEqualTo("781105334039");
                assertThat(release.note()).contains("сотрудник на больничном");

                // retry the parked order once production takes it
                refuse.set(false);
                ws.robot.interact(() -> parked.getSelectionModel().select(0));
                ws.until(() -> !ws.robot.lookup("#liveRetry").query().isDisabled());
                ws.robot.clickOn("#liveRetry");
                ws.until(() -> accepted.contains(approved.applicationId()));
                ws.until(() -> {
                    ws.robot.clickOn("#liveRefresh");
                    return parked.getItems().isEmpty();
                });
                ws.until(() -> "IN_PRODUCTION".equals(officer.detail(approved.applicationId()).status()));
            }
        } finally {
            production.stop();
        }
    }

    private static LiveQueue.RegionLine line(TableView<?> regions, String region) {
        return regions.getItems().stream().map(LiveQueue.RegionLine.class::cast)
                .filter(l -> l.region().equals(region)).findFirst().orElseThrow();
    }

    /** With -Dqujat.screenshots=DIR under a real display (Xvfb), the whole screen as DIR/live-queue.png. */
    private static void screenshot(WorkstationDriver ws) throws Exception {
        String dir = System.getProperty("qujat.screenshots");
        if (dir == null || System.getenv("DISPLAY") == null) {
            return;
        }
        ws.until(() -> true);
        Thread.sleep(800);
        Files.createDirectories(Path.of(dir));
        Process p = new ProcessBuilder("import", "-window", "root", Path.of(dir, "live-queue.png").toString())
                .inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
