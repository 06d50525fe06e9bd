package kz.qujat.domain;

/** R9 annulment reasons. R10: only photo and signature annulments invite a new online application. */
public enum AnnulmentReason {
    PHOTO(true, false),
    SIGNATURE(true, false),
    FURTHER_VERIFICATION(false, true);

    private final boolean invitesReapplication;
    private final boolean commentRequired;

    AnnulmentReason(boolean invitesReapplication, boolean commentRequired) {
        this.invitesReapplication = invitesReapplication;
        this.commentRequired = commentRequired;
    }

    public boolean invitesReapplication() {
        return invitesReapplication;
    }

    public boolean commentRequired() {
        return commentRequired;
    }
}
