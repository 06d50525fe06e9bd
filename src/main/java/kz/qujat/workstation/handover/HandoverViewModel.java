package kz.qujat.workstation.handover;

import kz.qujat.workstation.SessionScope;

/** State of the registration-point clerk's handover desk (the screen is filled in by its own change; this holds its scope). */
public final class HandoverViewModel {
    private final SessionScope scope;

    public HandoverViewModel(SessionScope scope) {
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
