package kz.qujat.workstation;

import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

import javafx.event.EventHandler;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import kz.qujat.workstation.lock.LockView;
import kz.qujat.workstation.lock.LockViewModel;
import kz.qujat.workstation.outbox.DecisionRelay;

/**
 * The clocks of a session, all on the FX thread: the idle lock (any input resets it; when it runs out a lock
 * layer covers the window until the key's password is typed again), the session's end as the server set
 * it, and the outbox relay's rounds (the sending itself runs in the background).
 */
public final class SessionTimers {
    private final SessionScope scope;
    private final StackPane root;
    private final Runnable expired;
    private final DecisionRelay relay;
    private final EventHandler<InputEvent> activity = e -> touch();
    private final Timeline ticker;
    private Instant lastInput;
    private Instant nextRelay = Instant.MIN;
    private boolean relaying;
    private LockViewModel lock;

    public SessionTimers(SessionScope scope, StackPane root, Runnable expired) {
        this.scope = scope;
        this.root = root;
        this.expired = expired;
        this.relay = scope.relay();
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        lastInput = scope.app().clock().instant();
        root.addEventFilter(InputEvent.ANY, activity);
        // the first tick's round counts the undelivered decisions in the background
        ticker.play();
        tick();
    }

    public void stop() {
        ticker.stop();
        root.removeEventFilter(InputEvent.ANY, activity);
    }

    /** After the views were rebuilt (language change), the lock layer goes back on top. */
    public void rendered() {
        if (lock != null) {
            root.getChildren().add(scope.app().fxml().load(new LockView(lock, scope.app().i18n())));
        }
    }

    /** Runs a relay round now (after a decision was put into the outbox). */
    public void relayNow() {
        nextRelay = Instant.MIN;
        tick();
    }

    private void touch() {
        lastInput = scope.app().clock().instant();
    }

    private void tick() {
        Instant now = scope.app().clock().instant();
        if (!now.isBefore(scope.session().expiresAt())) {
            expired.run();
            return;
        }
        if (lock == null && !now.isBefore(lastInput.plus(scope.app().config().idleLock()))) {
            lockNow();
        }
        if (!relaying && !now.isBefore(nextRelay)) {
            relaying = true;
            scope.app().tasks().run(relay::deliverAll, round -> {
                relaying = false;
                nextRelay = scope.app().clock().instant().plus(scope.app().config().outboxRetry());
                scope.status().undelivered(round.pending());
                if (round.delivered() > 0) {
                    scope.status().info(Phrase.of("status.delivered", round.delivered()));
                }
                if (round.rejected() > 0) {
                    scope.status().error(Phrase.of("status.rejected", round.rejected()));
                }
                if (round.sessionRefused()) {
                    expired.run();
                }
            }, failure -> {
                relaying = false;
                nextRelay = scope.app().clock().instant().plus(scope.app().config().outboxRetry());
                scope.failed(failure);
            });
        }
    }

    private void lockNow() {
        lock = new LockViewModel(scope.app(), scope.session(), this::unlocked);
        root.getChildren().add(scope.app().fxml().load(new LockView(lock, scope.app().i18n())));
    }

    private void unlocked() {
        lock = null;
        if (root.getChildren().size() > 1) {
            root.getChildren().remove(root.getChildren().size() - 1);
        }
        touch();
    }

}
