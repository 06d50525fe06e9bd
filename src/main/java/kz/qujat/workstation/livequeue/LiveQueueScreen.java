package kz.qujat.workstation.livequeue;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.util.Duration;
import kz.qujat.client.SupervisorApi;
import kz.qujat.workstation.CachedView;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The supervisor's live queue as a screen; it refreshes itself on the queue's timer while it is in front. */
public final class LiveQueueScreen implements Screen {
    private final SessionScope scope;
    private final LiveQueueViewModel model;
    private final Timeline refresher;
    private final CachedView view;

    public LiveQueueScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new LiveQueueViewModel(new SupervisorApi(scope.session().client()), scope.app().tasks(),
                scope.app().i18n(), scope::failed);
        this.refresher = new Timeline(new KeyFrame(
                Duration.millis(scope.app().config().queueRefresh().toMillis()), e -> model.refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        this.view = new CachedView(scope.app().i18n(), this::build);
    }

    private Parent build(kz.qujat.workstation.Subscriptions subscriptions) {
        var r = scope.session().response();
        var i18n = scope.app().i18n();
        String scopeText = r.region() != null ? i18n.regionName(r.region()) : i18n.get("shell.national");
        return scope.app().fxml().load(new LiveQueueView(model, i18n, scopeText, subscriptions));
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
