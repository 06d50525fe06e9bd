package kz.qujat.domain;

/**
 * What a member of staff may do: review (officer), review annulments (supervisor), hand over (clerk), pay back
 * the fees of annulled applications (finance, R10).
 */
public enum StaffRole { OFFICER, SUPERVISOR, CLERK, FINANCE }
