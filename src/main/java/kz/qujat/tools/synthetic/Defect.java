package kz.qujat.tools.synthetic;

/** A deliberate flaw put into a synthetic application so that the demo shows realistic bad cases. */
public enum Defect {
    /** The photo is badly under-exposed. */
    DARK_PHOTO,
    /** The photo is greyscale, which the requirements forbid. */
    GREYSCALE_PHOTO,
    /** The photo is far below the minimum resolution. */
    TINY_PHOTO,
    /** The signature image holds no ink. */
    BLANK_SIGNATURE,
    /** The signature runs off the edges of the image. */
    CLIPPED_SIGNATURE,
    /** The population register spells the surname with one letter different. */
    REGISTER_NAME_MISMATCH
}
