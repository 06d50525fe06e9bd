package kz.qujat.client;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.qujat.api.HandoverInfo;
import kz.qujat.api.HandoverRequest;
import kz.qujat.api.Paths;
import okhttp3.Request;

/** The registration-point clerk's calls: documents ready here, lookup by ticket, the photo, the handover (R11). */
public final class ClerkApi {
    /** The printed and scanned form of a ticket number (R6): {@code Q-0000042-6}. */
    private static final Pattern TICKET = Pattern.compile("Q-\\d{7}-\\d");

    private final StaffClient staff;

    /** {@code staff} must be logged in as a clerk. */
    public ClerkApi(StaffClient staff) {
        this.staff = staff;
    }

    /**
     * The ticket number as typed or scanned (spaces around, lower case), or null when it cannot be one; checked
     * here so that nothing but a ticket number ever goes into a URL path.
     */
    public static String normalizeTicket(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        return TICKET.matcher(t).matches() ? t : null;
    }

    public List<HandoverInfo> ready(int limit) throws CentralException {
        Request request = new Request.Builder().url(staff.url(Paths.HANDOVER_LIST).newBuilder()
                .addQueryParameter("status", "READY_FOR_PICKUP")
                .addQueryParameter("limit", String.valueOf(limit)).build()).get().build();
        return List.of(staff.call(request, HandoverInfo[].class));
    }

    public HandoverInfo find(String ticketNumber) throws CentralException {
        return staff.handover(checked(ticketNumber));
    }

    public byte[] photo(UUID applicationId) throws CentralException {
        return staff.image(Paths.PHOTO, applicationId);
    }

    public HandoverInfo handOver(String ticketNumber, boolean identityChecked, boolean oldCardSurrendered,
                                 String comment) throws CentralException {
        return staff.handOver(checked(ticketNumber), new HandoverRequest(identityChecked, oldCardSurrendered, comment));
    }

    private static String checked(String ticketNumber) {
        String t = normalizeTicket(ticketNumber);
        if (t == null) {
            throw new IllegalArgumentException("not a ticket number");
        }
        return t;
    }
}
