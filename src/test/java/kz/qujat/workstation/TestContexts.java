package kz.qujat.workstation;

import kz.qujat.testsupport.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import kz.qujat.api.SessionResponse;
import kz.qujat.client.StaffClient;
import kz.qujat.testsupport.DevIdentities;

/** Application contexts for view-model tests: work runs on the calling thread, data in a temporary folder. */
public final class TestContexts {
    public static final Instant NOW = TestClock.NOW;

    private TestContexts() {
    }

    public static AppContext app(Path data, String centralUrl) {
        WorkstationConfig config = new WorkstationConfig(centralUrl, data, DevIdentities.file("trust"),
                Duration.ofMinutes(10), I18n.ENGLISH, null, null);
        return new AppContext(config, BackgroundTask.sameThread(), TestClock.fixed());
    }

    /** A session of the Astana officer against a central service that need not be running. */
    public static SessionScope officer(AppContext app, StatusModel status, java.util.List<String> shown) {
        SessionResponse r = new SessionResponse("token", NOW.plus(Duration.ofHours(1)), "OFFICER", "ASTANA", null,
                new SessionResponse.Staff("850314312017", "ЖАКСЫБЕКОВ АРМАН"));
        StaffSession session = new StaffSession(new StaffClient(app.config().centralUrl()), r,
                new KeyOrigin.File(DevIdentities.file("officer-astana.p12")));
        return scope(app, session, status, shown);
    }

    /** A scope that records the screens shown and "expired" (or the message key) when the session ends. */
    public static SessionScope scope(AppContext app, StaffSession session, StatusModel status,
                                     java.util.List<String> shown) {
        return new SessionScope(app, session, status, shown::add,
                key -> shown.add("session.expired".equals(key) ? "expired" : key));
    }
}
