package kz.qujat.workstation.annulments;

import kz.qujat.workstation.SessionScope;

/** State of the supervisor's annulment log (the screen is filled in by its own change; this holds its scope). */
public final class AnnulmentsViewModel {
    private final SessionScope scope;

    public AnnulmentsViewModel(SessionScope scope) {
        this.scope = scope;
    }

    /** Whose work the screen shows: the region, registration point or the whole country. */
    public String scopeText() {
        var r = scope.session().response();
        var i18n = scope.app().i18n();
        if (r.registrationPoint() != null) {
            return r.registrationPoint();
        }
        return r.region() != null ? i18n.regionName(r.region()) : i18n.get("shell.national");
    }
}
