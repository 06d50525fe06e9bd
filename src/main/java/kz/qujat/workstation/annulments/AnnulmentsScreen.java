package kz.qujat.workstation.annulments;

import javafx.scene.Parent;
import kz.qujat.client.SupervisorApi;
import kz.qujat.domain.KzTime;
import kz.qujat.workstation.CachedView;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;
import kz.qujat.workstation.Subscriptions;

/** The supervisor's annulment log as a screen of the main window. */
public final class AnnulmentsScreen implements Screen {
    private final SessionScope scope;
    private final AnnulmentsViewModel model;
    private final CachedView view;

    public AnnulmentsScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new AnnulmentsViewModel(new SupervisorApi(scope.session().client()), scope.app().tasks(),
                scope.app().i18n(), scope::failed, () -> KzTime.today(scope.app().clock()));
        this.view = new CachedView(scope.app().i18n(), this::build);
    }

    @Override
    public Parent render() {
        return view.get();
    }

    private Parent build(Subscriptions subscriptions) {
        var r = scope.session().response();
        var i18n = scope.app().i18n();
        String scopeText = r.region() != null ? i18n.regionName(r.region()) : i18n.get("shell.national");
        return scope.app().fxml().load(new AnnulmentsView(model, i18n, scope.app().saveDialog(), scopeText,
                subscriptions));
    }

    @Override
    public void close() {
        view.dispose();
    }
}
