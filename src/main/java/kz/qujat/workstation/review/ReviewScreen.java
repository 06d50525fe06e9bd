package kz.qujat.workstation.review;

import javafx.scene.Parent;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The review of the claimed application as a screen of the officer's window. */
public final class ReviewScreen implements Screen {
    private final SessionScope scope;
    private final ReviewViewModel model;

    public ReviewScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new ReviewViewModel(scope);
    }

    @Override
    public Parent render() {
        return scope.app().fxml().load(new ReviewView(model, scope.app().i18n()));
    }
}
