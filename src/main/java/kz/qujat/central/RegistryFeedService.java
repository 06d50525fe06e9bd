package kz.qujat.central;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import kz.qujat.api.RegistryPerson;
import kz.qujat.central.store.RegistryStore;
import kz.qujat.domain.Iin;
import kz.qujat.domain.InvalidInputException;
import kz.qujat.inspect.RegisterFace;
import kz.qujat.server.ApiException;

/**
 * The population register feed: a trusted system pushes person records, authenticated by a shared key
 * compared in constant time. Without a configured key the feed does not exist (404).
 */
public final class RegistryFeedService {
    private final RegistryStore store;
    private final byte[] feedKey;
    private final ImageCheck images;
    private final IntakeChecks checks;

    /** {@code checks}: describes each register photo's face once, kept with the record for intake's same-person check. */
    public RegistryFeedService(RegistryStore store, String feedKey, ImageCheck images, IntakeChecks checks) {
        this.store = store;
        this.feedKey = feedKey == null ? null : feedKey.getBytes(StandardCharsets.UTF_8);
        this.images = images;
        this.checks = checks;
    }

    /** Checks the bearer key; throws not-found when no feed is configured and unauthenticated when wrong. */
    public void authenticate(String authorization) {
        if (feedKey == null) {
            throw ApiException.notFound("the registry feed is not enabled on this server");
        }
        String prefix = "Bearer ";
        byte[] given = authorization != null && authorization.startsWith(prefix)
                ? authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(feedKey, given)) {
            throw ApiException.unauthenticated("a valid registry feed key is required");
        }
    }

    /** Stores the record; true when it was new. */
    public boolean put(String iin, RegistryPerson p) {
        try {
            Iin.parse(iin);
        } catch (InvalidInputException e) {
            throw ApiException.invalid("iin in the path: " + e.getMessage());
        }
        if (p.iin() != null && !p.iin().equals(iin)) {
            throw ApiException.invalid("iin in the body differs from the path");
        }
        if (p.surname() == null || p.givenName() == null || p.birthDate() == null) {
            throw ApiException.invalid("surname, givenName and birthDate are required");
        }
        ImageCheck.Image photo = p.photo() == null ? null : images.check("photo", p.photo());
        byte[] signature = p.signature() == null ? null : images.check("signature", p.signature()).bytes();
        // the photo's face for the same-person check, described here once (on the pixels just checked), not at intake
        RegisterFace face = photo == null ? null : checks.describeRegister(photo.bytes(), photo.decoded());
        return store.upsert(new RegistryStore.Person(iin, p.surname(), p.givenName(), p.patronymic(), p.birthDate(),
                p.currentDocumentNumber(), p.currentDocumentExpiry(), photo == null ? null : photo.bytes(), signature),
                face);
    }
}
