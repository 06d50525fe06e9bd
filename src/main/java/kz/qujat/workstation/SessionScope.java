package kz.qujat.workstation;

import java.util.function.Consumer;
import kz.qujat.client.CentralException;

/**
 * What a screen of a logged-in user needs: the application's services, the session, the status bar, and the
 * ways to move on (open another screen, end an expired session). Built by the shell for each login.
 */
public final class SessionScope {
    private final AppContext app;
    private final StaffSession session;
    private final StatusModel status;
    private final Consumer<String> navigator;
    private final Runnable expired;
    private final OfficerDesk desk = new OfficerDesk();

    public SessionScope(AppContext app, StaffSession session, StatusModel status, Consumer<String> navigator,
                        Runnable expired) {
        this.app = app;
        this.session = session;
        this.status = status;
        this.navigator = navigator;
        this.expired = expired;
    }

    public AppContext app() {
        return app;
    }

    public StaffSession session() {
        return session;
    }

    public StatusModel status() {
        return status;
    }

    /** The application the officer holds, shared by the queue and the review screens. */
    public OfficerDesk desk() {
        return desk;
    }

    public void show(String screenId) {
        navigator.accept(screenId);
    }

    /**
     * Shows a failure in the status bar in the user's language and returns the message; a refused session
     * (401) ends it and goes back to the login screen.
     */
    public String failed(Exception e) {
        if (e instanceof CentralException c && c.status() == 401) {
            expired.run();
            return app.i18n().get("session.expired");
        }
        String text = app.errors().of(e);
        status.error(text);
        return text;
    }
}
