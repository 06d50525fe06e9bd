package kz.qujat.domain;

/** R10: every annulment owes the applicant a refund of the fee until it is paid back. */
public enum RefundStatus { OWED, REFUNDED }
