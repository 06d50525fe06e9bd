package kz.qujat.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.qujat.api.Paths;
import kz.qujat.api.Refund;
import kz.qujat.api.RefundPaidRequest;
import kz.qujat.domain.RefundStatus;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The finance department's calls (R10): refunds owed and paid, their CSV export, a payment recorded. */
public final class FinanceApi {
    public static final int MAX_LIST = 5000;
    private final StaffClient staff;

    /** {@code staff} must be logged in with the FINANCE role. */
    public FinanceApi(StaffClient staff) {
        this.staff = staff;
    }

    /** {@code status} null: every refund. */
    public List<Refund> refunds(RefundStatus status) throws CentralException {
        HttpUrl.Builder url = staff.url(Paths.REFUNDS).newBuilder().addQueryParameter("limit", String.valueOf(MAX_LIST));
        if (status != null) {
            url.addQueryParameter("status", status.name());
        }
        return List.of(staff.call(new Request.Builder().url(url.build()).get().build(), Refund[].class));
    }

    /** The CSV for the tax authority, exactly as the server makes it. */
    public byte[] exportCsv(RefundStatus status) throws CentralException {
        HttpUrl.Builder url = staff.url(Paths.REFUNDS_EXPORT).newBuilder();
        if (status != null) {
            url.addQueryParameter("status", status.name());
        }
        return staff.call(new Request.Builder().url(url.build()).get().build(), byte[].class);
    }

    public Refund paid(UUID applicationId, String paymentReference, LocalDate paidOn) throws CentralException {
        return staff.call(staff.post(Paths.fill(Paths.REFUND_PAID, "id", applicationId.toString()),
                new RefundPaidRequest(paymentReference, paidOn)), Refund.class);
    }
}
