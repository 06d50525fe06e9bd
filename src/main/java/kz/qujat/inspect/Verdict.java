package kz.qujat.inspect;

/** The outcome of one check. NOT_MEASURED means the check could not measure; it is never a silent PASS. */
public enum Verdict { PASS, WARN, FAIL, NOT_MEASURED }
