package kz.qujat.workstation;

import java.util.function.Consumer;
import kz.qujat.client.CentralException;
import kz.qujat.eds.EdsException;
import kz.qujat.workstation.outbox.DecisionRelay;

/**
 * What a screen of a logged-in user needs: the application's services, the session, the status bar, the
 * session's decision relay, and the ways to move on (open another screen, end the session with the message key of why). Built by the shell for each login.
 */
public final class SessionScope {
    private final AppContext app;
    private final StaffSession session;
    private final StatusModel status;
    private final Consumer<String> navigator;
    private final Consumer<String> ended;
    private final OfficerDesk desk = new OfficerDesk();
    private final DecisionRelay relay;

    public SessionScope(AppContext app, StaffSession session, StatusModel status, Consumer<String> navigator,
                        Consumer<String> ended) {
        this.app = app;
        this.session = session;
        this.status = status;
        this.navigator = navigator;
        this.ended = ended;
        this.relay = new DecisionRelay(app.outbox(), session.client(), session.staffIin());
    }

    /** The session's one relay of signed decisions to the central service (see {@link DecisionRelay}). */
    public DecisionRelay relay() {
        return relay;
    }

    public AppContext app() {
        return app;
    }

    /** The user's language (view models take it from here, not from the whole {@link AppContext}). */
    public I18n i18n() {
        return app.i18n();
    }

    /** The one path off the FX thread. */
    public BackgroundTask tasks() {
        return app.tasks();
    }

    public java.time.Clock clock() {
        return app.clock();
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
     * (401) or a token that was removed or stopped answering ends it and goes back to the login screen.
     */
    public Phrase failed(Exception e) {
        if (e instanceof CentralException c && c.status() == 401) {
            ended.accept("session.expired");
            return Phrase.of("session.expired");
        }
        if (e instanceof EdsException eds && eds.kind() == EdsException.Kind.TOKEN_REMOVED) {
            ended.accept("session.tokenRemoved");
            return Phrase.of("session.tokenRemoved");
        }
        Phrase text = app.errors().phrase(e);
        status.error(text);
        return text;
    }
}
