package kz.qujat.tools.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import kz.qujat.domain.ApplicationReason;
import kz.qujat.domain.DocumentType;
import kz.qujat.domain.Eligibility;
import kz.qujat.domain.Iin;
import kz.qujat.domain.PolicyBook;
import kz.qujat.domain.Region;
import kz.qujat.domain.RegistrationPoints;
import org.junit.jupiter.api.Test;

class SyntheticApplicantsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static List<SyntheticApplicant> batch(long seed, int n, double defects) {
        SyntheticApplicants gen = new SyntheticApplicants(seed, TODAY, defects);
        List<SyntheticApplicant> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(gen.next(i % 2 == 0 ? Region.ASTANA : Region.KARAGANDA));
        }
        return list;
    }

    @Test
    void peopleAreValidAdultsInsideTheWindowWithAgreeingNames() {
        List<SyntheticApplicant> people = batch(7, 30, 0);
        for (SyntheticApplicant p : people) {
            assertThat(Iin.isValid(p.iin().value())).isTrue();
            assertThat(ChronoUnit.YEARS.between(p.birthDate(), TODAY)).isBetween(18L, 75L);
            long untilExpiry = ChronoUnit.DAYS.between(TODAY, p.expiryDate());
            assertThat(untilExpiry).isBetween(-10L, 30L);
            assertThat(p.cardNumber()).matches("\\d{9}");
            assertThat(p.phone()).matches("\\+77\\d{9}");
            assertThat(RegistrationPoints.bundled().parse(p.registrationPoint()).region().name()).isEqualTo(p.region());
            assertThat(p.surname() + p.givenName() + p.patronymic()).matches("[А-Яа-яЁёҚқҰұ]+");
            if (p.iin().sex() == Iin.Sex.FEMALE) {
                assertThat(p.patronymic()).matches(".*(вна|қызы)");
            } else {
                assertThat(p.patronymic()).matches(".*(вич|ұлы)");
            }
            assertThat(p.defect()).isEmpty();
            assertThat(p.registrySurname()).isEqualTo(p.surname());
        }
        assertThat(people.stream().map(p -> p.iin().value()).distinct()).hasSize(people.size());
        assertThat(people.stream().map(p -> ChronoUnit.DAYS.between(TODAY, p.expiryDate())))
                .contains(30L, 0L, -10L);
        assertThat(people.stream().map(p -> p.iin().sex()).distinct()).hasSize(2);
    }

    /**
     * CI's run of 2026-12-02 made an applicant 10 days past expiry before 00:00 in Almaty and submitted it after:
     * the server's new day refused it (R3) and the suite failed on the time of day it ran.
     */
    @Test
    void peopleForSubmissionStayEligibleOnTheNextDayAsWell() throws IOException {
        PolicyBook book;
        try (InputStream in = getClass().getResourceAsStream("/kz/qujat/domain/policies-demo.properties")) {
            book = PolicyBook.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        LocalDate today = LocalDate.of(2026, 12, 2);
        SyntheticApplicants gen = SyntheticApplicants.forSubmission(2027, today, 0.3);
        SyntheticApplicants plain = new SyntheticApplicants(2027, today, 0.3);
        List<Long> daysUntilExpiry = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            SyntheticApplicant p = gen.next(Region.ASTANA);
            SyntheticApplicant same = plain.next(Region.ASTANA);
            assertThat(p.iin()).isEqualTo(same.iin());
            assertThat(p.photoJpeg()).isEqualTo(same.photoJpeg());
            daysUntilExpiry.add(ChronoUnit.DAYS.between(today, p.expiryDate()));
            for (LocalDate requestDay : List.of(today, today.plusDays(1))) {
                assertThat(Eligibility.evaluate(book, DocumentType.ID_CARD, ApplicationReason.EXPIRY, p.expiryDate(),
                        requestDay).eligible()).as("card expiring %s, request on %s", p.expiryDate(), requestDay).isTrue();
            }
        }
        assertThat(daysUntilExpiry).contains(30L, 0L, -9L).doesNotContain(-10L);
    }

    /** bench intake --steady's cheap warm-up people: new citizens, eligible, with a model's images (no painting). */
    @Test
    void anotherPersonWithAModelsImagesIsANewEligibleCitizenOfTheModelsSex() throws IOException {
        PolicyBook book;
        try (InputStream in = getClass().getResourceAsStream("/kz/qujat/domain/policies-demo.properties")) {
            book = PolicyBook.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        LocalDate today = LocalDate.of(2026, 12, 3);
        SyntheticApplicants gen = SyntheticApplicants.forSubmission(41, today, 0);
        List<SyntheticApplicant> models = List.of(gen.next(Region.ASTANA), gen.next(Region.ALMATY));
        List<String> iins = new ArrayList<>(models.stream().map(m -> m.iin().value()).toList());
        for (int i = 0; i < 200; i++) {
            SyntheticApplicant model = models.get(i % 2);
            SyntheticApplicant p = gen.withImagesOf(model, Region.KARAGANDA);
            iins.add(p.iin().value());
            assertThat(Iin.isValid(p.iin().value())).isTrue();
            assertThat(p.iin().sex()).isEqualTo(model.iin().sex());
            assertThat(p.patronymic()).matches(p.iin().sex() == Iin.Sex.FEMALE ? ".*(вна|қызы)" : ".*(вич|ұлы)");
            assertThat(p.photoJpeg()).isSameAs(model.photoJpeg());
            assertThat(p.signaturePng()).isSameAs(model.signaturePng());
            assertThat(p.registryPhotoJpeg()).isSameAs(model.registryPhotoJpeg());
            assertThat(p.registrySignaturePng()).isSameAs(model.registrySignaturePng());
            assertThat(p.registrySurname()).isEqualTo(p.surname());
            assertThat(p.defect()).isEmpty();
            assertThat(p.region()).isEqualTo("KARAGANDA");
            assertThat(RegistrationPoints.bundled().parse(p.registrationPoint()).region()).isEqualTo(Region.KARAGANDA);
            for (LocalDate requestDay : List.of(today, today.plusDays(1))) {
                assertThat(Eligibility.evaluate(book, DocumentType.ID_CARD, ApplicationReason.EXPIRY, p.expiryDate(),
                        requestDay).eligible()).isTrue();
            }
        }
        assertThat(iins).doesNotHaveDuplicates();
    }

    @Test
    void aPersonForAKnownSitterHasTheSittersSexAndAgeInTheIinAndName() {
        SyntheticApplicants gen = new SyntheticApplicants(3, TODAY, 0);
        for (int i = 0; i < 20; i++) {
            Iin.Sex sex = i % 2 == 0 ? Iin.Sex.FEMALE : Iin.Sex.MALE;
            int age = 18 + 3 * i;
            SyntheticApplicant p = gen.next(Region.ASTANA, sex, age);
            assertThat(Iin.isValid(p.iin().value())).isTrue();
            assertThat(p.iin().sex()).isEqualTo(sex);
            assertThat(ChronoUnit.YEARS.between(p.birthDate(), TODAY)).isEqualTo(age);
            assertThat(p.patronymic()).matches(sex == Iin.Sex.FEMALE ? ".*(вна|қызы)" : ".*(вич|ұлы)");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gen.next(Region.ASTANA, Iin.Sex.MALE, 17))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void imagesDecodeToPassportShapeAndRegisterImagesDifferSlightly() throws IOException {
        for (SyntheticApplicant p : batch(11, 4, 0)) {
            BufferedImage photo = decode(p.photoJpeg());
            assertThat(photo.getWidth()).isGreaterThanOrEqualTo(600);
            assertThat(photo.getHeight()).isGreaterThanOrEqualTo(771);
            assertThat((double) photo.getWidth() / photo.getHeight()).isCloseTo(35.0 / 45, org.assertj.core.data.Offset.offset(0.003));
            assertThat(Pixels.meanBrightness(photo)).isGreaterThan(120);
            assertThat(Pixels.meanChroma(photo)).isGreaterThan(8);
            assertThat(Pixels.meanBrightness(Pixels.crop(photo, 0, 0, 40, 40))).isGreaterThan(200); // light background
            BufferedImage sig = decode(p.signaturePng());
            assertThat(Pixels.inkShare(sig)).isBetween(0.005, 0.2);
            assertThat(Pixels.inkTouchesEdges(sig)).isZero();
            BufferedImage older = decode(p.registryPhotoJpeg());
            assertThat(older.getWidth()).isEqualTo(600);
            assertThat(p.registryPhotoJpeg()).isNotEqualTo(p.photoJpeg());
            BufferedImage oldSig = decode(p.registrySignaturePng());
            assertThat(p.registrySignaturePng()).isNotEqualTo(p.signaturePng());
            // similar: the same amount of ink, within a third
            assertThat(Pixels.inkShare(oldSig) / Pixels.inkShare(sig)).isBetween(0.67, 1.5);
        }
    }

    @Test
    void defectsAreVisibleInPixels() throws IOException {
        List<SyntheticApplicant> people = batch(3, 60, 1.0);
        Map<Defect, SyntheticApplicant> byDefect = new EnumMap<>(Defect.class);
        people.forEach(p -> byDefect.putIfAbsent(p.defect().orElseThrow(), p));
        assertThat(byDefect).containsOnlyKeys(Defect.values());

        assertThat(Pixels.meanBrightness(decode(byDefect.get(Defect.DARK_PHOTO).photoJpeg()))).isLessThan(60);
        assertThat(Pixels.meanChroma(decode(byDefect.get(Defect.GREYSCALE_PHOTO).photoJpeg()))).isLessThan(2);
        BufferedImage tiny = decode(byDefect.get(Defect.TINY_PHOTO).photoJpeg());
        assertThat(tiny.getWidth() * tiny.getHeight()).isLessThan(413 * 531);
        assertThat(Pixels.inkShare(decode(byDefect.get(Defect.BLANK_SIGNATURE).signaturePng()))).isZero();
        assertThat(Pixels.inkTouchesEdges(decode(byDefect.get(Defect.CLIPPED_SIGNATURE).signaturePng()))).isGreaterThanOrEqualTo(2);
        SyntheticApplicant mismatch = byDefect.get(Defect.REGISTER_NAME_MISMATCH);
        assertThat(mismatch.registrySurname()).hasSameSizeAs(mismatch.surname()).isNotEqualTo(mismatch.surname());
        int differing = 0;
        for (int i = 0; i < mismatch.surname().length(); i++) {
            differing += mismatch.surname().charAt(i) != mismatch.registrySurname().charAt(i) ? 1 : 0;
        }
        assertThat(differing).isEqualTo(1);
        assertThat(mismatch.toRegistryPerson().surname()).isEqualTo(mismatch.registrySurname());
    }

    @Test
    void defectShareIsRoughlyHonoured() {
        long flawed = batch(5, 50, 0.2).stream().filter(p -> p.defect().isPresent()).count();
        assertThat(flawed).isBetween(3L, 20L);
    }

    @Test
    void sameSeedSameApplicantsOtherSeedOthers() {
        SyntheticApplicant a = batch(42, 3, 0.5).get(2);
        SyntheticApplicant b = batch(42, 3, 0.5).get(2);
        SyntheticApplicant c = batch(43, 3, 0.5).get(2);
        assertThat(b.iin()).isEqualTo(a.iin());
        assertThat(b.surname()).isEqualTo(a.surname());
        assertThat(b.photoJpeg()).isEqualTo(a.photoJpeg());
        assertThat(b.signaturePng()).isEqualTo(a.signaturePng());
        assertThat(b.registryPhotoJpeg()).isEqualTo(a.registryPhotoJpeg());
        assertThat(c.iin()).isNotEqualTo(a.iin());
        assertThat(c.photoJpeg()).isNotEqualTo(a.photoJpeg());
    }

    @Test
    void portalAndRegisterViewsCarryTheSamePerson() {
        SyntheticApplicant p = batch(9, 1, 0).get(0);
        var request = p.toIntakeRequest();
        var registry = p.toRegistryPerson();
        assertThat(request.iin()).isEqualTo(registry.iin()).isEqualTo(p.iin().value());
        assertThat(request.documentType()).isEqualTo("ID_CARD");
        assertThat(request.reason()).isEqualTo("EXPIRY");
        assertThat(registry.currentDocumentNumber()).isEqualTo(request.currentDocument().number());
        assertThat(registry.birthDate()).isEqualTo(request.birthDate());
        assertThat(p.toString()).doesNotContain(p.iin().value()).doesNotContain(p.surname());
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(img).isNotNull();
        return img;
    }
}
