package kz.qujat.workstation.review;

import kz.qujat.workstation.UserSettings;

/** What the review needs beyond the session: the image tools', the signing's, and the user's settings. */
public interface ReviewServices extends InspectionServices, SigningServices {
    UserSettings settings();
}
