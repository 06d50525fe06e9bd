package kz.qujat.workstation.queue;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.util.Duration;
import kz.qujat.workstation.CachedView;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The officer's queue as a screen; it refreshes itself on a timer for as long as the session lasts. */
public final class QueueScreen implements Screen {
    private final SessionScope scope;
    private final QueueViewModel model;
    private final Timeline refresher;
    private final CachedView view;

    public QueueScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new QueueViewModel(scope);
        this.refresher = new Timeline(new KeyFrame(
                Duration.millis(scope.app().config().queueRefresh().toMillis()), e -> model.refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        this.view = new CachedView(scope.app().i18n(),
                subscriptions -> scope.app().fxml().load(new QueueView(model, scope.app().i18n(), subscriptions)));
    }

    @Override
    public Parent render() {
        return view.get();
    }

    @Override
    public void shown() {
        model.refresh();
        refresher.play();
    }

    @Override
    public void close() {
        refresher.stop();
        view.dispose();
    }
}
