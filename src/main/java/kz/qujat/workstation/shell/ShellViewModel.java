package kz.qujat.workstation.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import kz.qujat.workstation.Screen;
import kz.qujat.workstation.ScreenEntry;
import kz.qujat.workstation.Screens;
import kz.qujat.workstation.SessionScope;

/**
 * The main window of a logged-in user: the screens the server's role allows (each built once and kept for
 * the session) and which one is in front.
 */
public final class ShellViewModel {
    private final SessionScope scope;
    private final List<ScreenEntry> entries;
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper();

    public ShellViewModel(SessionScope scope) {
        this.scope = scope;
        this.entries = Screens.of(scope.session().role());
        for (ScreenEntry e : entries) {
            screens.put(e.id(), e.factory().apply(scope));
        }
        current.set(entries.isEmpty() ? null : entries.get(0).id());
    }

    public SessionScope scope() {
        return scope;
    }

    public List<ScreenEntry> entries() {
        return entries;
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Brings a screen of this role to the front; an id of another role is ignored. */
    public void show(String id) {
        if (screens.containsKey(id)) {
            current.set(id);
        }
    }

    public Screen screen(String id) {
        return screens.get(id);
    }

    public String roleText() {
        var s = scope.session();
        String where = s.response().registrationPoint() != null ? s.response().registrationPoint()
                : s.response().region() != null ? scope.i18n().regionName(s.response().region())
                : scope.i18n().get("shell.national");
        return scope.i18n().get("role." + s.role().name()) + " · " + where;
    }

    /** Closes the screens and ends the session on the server too (off the FX thread; a failure only goes to the log). */
    public void close() {
        screens.values().forEach(Screen::close);
        kz.qujat.client.StaffClient client = scope.session().client();
        scope.tasks().run(() -> {
            client.logout();
            return null;
        }, done -> { }, failed -> org.slf4j.LoggerFactory.getLogger(ShellViewModel.class)
                .info("the session could not be ended on the server ({}); it expires there by itself",
                        failed.getClass().getSimpleName()));
    }
}
