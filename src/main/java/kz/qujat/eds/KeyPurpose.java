package kz.qujat.eds;

/**
 * What a key is used for. Kazakh EDS issues every person two keys: one to authenticate (log in) and
 * one to sign documents with legal effect; the two must never be mixed up.
 */
public enum KeyPurpose {
    /** Legally binding signatures: keyUsage nonRepudiation. */
    SIGNING,
    /** Logging in: EKU clientAuth, or keyUsage digitalSignature without nonRepudiation. */
    AUTHENTICATION
}
