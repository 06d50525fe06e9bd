package kz.qujat.workstation.annulments;

import javafx.scene.Parent;
import kz.qujat.client.SupervisorApi;
import kz.qujat.domain.KzTime;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The supervisor's annulment log as a screen of the main window. */
public final class AnnulmentsScreen implements Screen {
    private final SessionScope scope;
    private final AnnulmentsViewModel model;

    public AnnulmentsScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new AnnulmentsViewModel(new SupervisorApi(scope.session().client()), scope.app().tasks(),
                scope.app().i18n(), scope::failed, KzTime.today(scope.app().clock()));
    }

    @Override
    public Parent render() {
        var r = scope.session().response();
        var i18n = scope.app().i18n();
        String scopeText = r.region() != null ? i18n.regionName(r.region()) : i18n.get("shell.national");
        return scope.app().fxml().load(new AnnulmentsView(model, i18n, scope.app().saveDialog(), scopeText));
    }
}
