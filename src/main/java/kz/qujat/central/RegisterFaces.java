package kz.qujat.central;

import java.util.Optional;
import kz.qujat.central.store.RegistryStore;
import kz.qujat.inspect.RegisterFace;

/**
 * The register photo's face for intake's same-person check. The feed describes each photo once and keeps the face
 * with the record ({@link RegistryFeedService}); intake reads that (a few hundred bytes, not the photo) and describes
 * only the submitted photo. A record fed before the face was kept, or whose face another model made, is described
 * at its first use and kept (unless the feed replaced the record meanwhile).
 */
final class RegisterFaces {
    private final RegistryStore store;
    private final IntakeChecks checks;

    RegisterFaces(RegistryStore store, IntakeChecks checks) {
        this.store = store;
        this.checks = checks;
    }

    /** The face of the citizen's register photo; null when the register holds no record or no photo. */
    RegisterFace forIntake(String iin) {
        Optional<RegistryStore.StoredFace> stored = store.face(iin);
        if (stored.isEmpty() || !stored.get().hasPhoto()) {
            return null;
        }
        RegisterFace kept = stored.get().face();
        if (kept != null && kept.current()) {
            return kept;
        }
        byte[] photo = store.photo(iin).orElse(null);
        if (photo == null) {
            return null;
        }
        RegisterFace described = checks.describeRegister(photo, null);
        store.keepFace(iin, stored.get().version(), described);
        return described;
    }
}
