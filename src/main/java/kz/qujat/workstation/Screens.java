package kz.qujat.workstation;

import java.util.List;
import kz.qujat.domain.StaffRole;
import kz.qujat.workstation.annulments.AnnulmentsScreen;
import kz.qujat.workstation.finance.FinanceScreen;
import kz.qujat.workstation.handover.HandoverScreen;
import kz.qujat.workstation.livequeue.LiveQueueScreen;
import kz.qujat.workstation.queue.QueueScreen;
import kz.qujat.workstation.review.ReviewScreen;

/** The screens of the workstation and the role each belongs to; the server's role decides which exist. */
public final class Screens {
    public static final String QUEUE = "queue";
    public static final String REVIEW = "review";
    public static final String ANNULMENTS = "annulments";
    public static final String HANDOVER = "handover";
    public static final String REFUNDS = "refunds";
    public static final String LIVE_QUEUE = "livequeue";

    private Screens() {
    }

    public static List<ScreenEntry> all() {
        return List.of(
                new ScreenEntry(QUEUE, "nav.queue", StaffRole.OFFICER, QueueScreen::new),
                new ScreenEntry(REVIEW, "nav.review", StaffRole.OFFICER, ReviewScreen::new),
                new ScreenEntry(ANNULMENTS, "nav.annulments", StaffRole.SUPERVISOR, AnnulmentsScreen::new),
                new ScreenEntry(LIVE_QUEUE, "nav.liveQueue", StaffRole.SUPERVISOR, LiveQueueScreen::new),
                new ScreenEntry(HANDOVER, "nav.handover", StaffRole.CLERK, HandoverScreen::new),
                new ScreenEntry(REFUNDS, "nav.refunds", StaffRole.FINANCE, FinanceScreen::new));
    }

    public static List<ScreenEntry> of(StaffRole role) {
        return all().stream().filter(e -> e.role() == role).toList();
    }
}
