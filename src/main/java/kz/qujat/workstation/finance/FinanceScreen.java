package kz.qujat.workstation.finance;

import javafx.scene.Parent;
import kz.qujat.client.FinanceApi;
import kz.qujat.domain.KzTime;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.SessionScope;

/** The finance department's refunds (R10) as a screen of the main window. */
public final class FinanceScreen implements Screen {
    private final SessionScope scope;
    private final FinanceViewModel model;

    public FinanceScreen(SessionScope scope) {
        this.scope = scope;
        this.model = new FinanceViewModel(new FinanceApi(scope.session().client()), scope.app().tasks(),
                scope.app().i18n(), scope::failed, () -> KzTime.today(scope.app().clock()));
    }

    @Override
    public Parent render() {
        var r = scope.session().response();
        var i18n = scope.app().i18n();
        String scopeText = r.region() != null ? i18n.regionName(r.region()) : i18n.get("shell.national");
        return scope.app().fxml().load(new FinanceView(model, i18n, scope.app().saveDialog(), scopeText));
    }

    @Override
    public void shown() {
        model.refresh();
    }
}
