package kz.qujat.workstation.review;

import javafx.scene.Parent;
import kz.qujat.workstation.CachedView;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;
import kz.qujat.workstation.Subscriptions;

/** The review of the claimed application as a screen of the officer's window. */
public final class ReviewScreen implements Screen {
    private final SessionScope scope;
    private final ReviewViewModel model;
    private final CachedView view;

    public ReviewScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new ReviewViewModel(scope, scope.app());
        this.view = new CachedView(scope.app().i18n(), this::build);
    }

    @Override
    public Parent render() {
        return view.get();
    }

    private Parent build(Subscriptions subscriptions) {
        ImageToolsView tools = new ImageToolsView(model, scope.app().i18n(), subscriptions);
        Parent toolsRoot = scope.app().fxml().load(tools);
        return scope.app().fxml().load(new ReviewView(model, scope.app().i18n(), tools, toolsRoot, subscriptions));
    }

    /** How many times the view was built: once per language it was shown in. */
    int builds() {
        return view.builds();
    }

    @Override
    public void close() {
        view.dispose();
    }
}
