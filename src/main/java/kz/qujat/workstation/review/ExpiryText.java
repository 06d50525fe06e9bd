package kz.qujat.workstation.review;

import kz.qujat.workstation.I18n;

/** "in 12 days", "today", "3 days ago" for days from a card's expiry (negative before it). */
public final class ExpiryText {
    private ExpiryText() {
    }

    public static String of(I18n i18n, long daysFromExpiry) {
        if (daysFromExpiry == 0) {
            return i18n.get("queue.expiry.today");
        }
        return daysFromExpiry < 0 ? i18n.get("queue.expiry.before", -daysFromExpiry)
                : i18n.get("queue.expiry.after", daysFromExpiry);
    }
}
