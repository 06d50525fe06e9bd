package kz.qujat.inspect;

import java.util.Optional;

/** Finds the face and its eye centres in a portrait; empty when it finds no usable face. */
public interface FaceFinder {
    Optional<FaceLandmarks> find(Raster image);

    /** For when no detector is available: every geometry check then says NOT_MEASURED until points are clicked. */
    FaceFinder NONE = image -> Optional.empty();
}
