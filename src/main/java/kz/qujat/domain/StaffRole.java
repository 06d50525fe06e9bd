package kz.qujat.domain;

/** What a member of staff may do: review (officer), review annulments (supervisor), hand over (clerk). */
public enum StaffRole { OFFICER, SUPERVISOR, CLERK }
