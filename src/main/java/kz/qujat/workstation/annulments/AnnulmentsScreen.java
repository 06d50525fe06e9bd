package kz.qujat.workstation.annulments;

import javafx.scene.Parent;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The supervisor's annulment log as a screen of the main window. */
public final class AnnulmentsScreen implements Screen {
    private final SessionScope scope;
    private final AnnulmentsViewModel model;

    public AnnulmentsScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new AnnulmentsViewModel(scope);
    }

    @Override
    public Parent render() {
        return scope.app().fxml().load(new AnnulmentsView(model));
    }
}
