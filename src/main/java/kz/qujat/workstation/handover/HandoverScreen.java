package kz.qujat.workstation.handover;

import javafx.scene.Parent;
import kz.qujat.client.ClerkApi;
import kz.qujat.workstation.CachedView;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The registration-point clerk's handover desk as a screen of the main window. */
public final class HandoverScreen implements Screen {
    private final SessionScope scope;
    private final HandoverViewModel model;
    private final CachedView view;

    public HandoverScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new HandoverViewModel(new ClerkApi(scope.session().client()), scope.app().tasks(),
                scope.app().i18n(), scope::failed, scope.session().staffName());
        this.view = new CachedView(scope.app().i18n(), subscriptions -> scope.app().fxml().load(
                new HandoverView(model, scope.app().i18n(), scope.app().saveDialog(),
                        scope.session().response().registrationPoint(), subscriptions)));
    }

    @Override
    public Parent render() {
        return view.get();
    }

    @Override
    public void close() {
        view.dispose();
    }

    @Override
    public void shown() {
        model.refreshReady();
    }
}
