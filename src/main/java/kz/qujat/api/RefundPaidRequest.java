package kz.qujat.api;

import java.time.LocalDate;

/** The finance department records a refund paid: the payment order's reference and the day it was paid. */
public record RefundPaidRequest(String paymentReference, LocalDate paidOn) {
}
