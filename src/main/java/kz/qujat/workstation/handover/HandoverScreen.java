package kz.qujat.workstation.handover;

import javafx.scene.Parent;
import kz.qujat.client.ClerkApi;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The registration-point clerk's handover desk as a screen of the main window. */
public final class HandoverScreen implements Screen {
    private final SessionScope scope;
    private final HandoverViewModel model;

    public HandoverScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new HandoverViewModel(new ClerkApi(scope.session().client()), scope.app().tasks(),
                scope.app().i18n(), scope::failed, scope.session().staffName());
    }

    @Override
    public Parent render() {
        return scope.app().fxml().load(new HandoverView(model, scope.app().i18n(), scope.app().saveDialog(),
                scope.session().response().registrationPoint()));
    }

    @Override
    public void shown() {
        model.refreshReady();
    }
}
