package kz.qujat.tools.synthetic;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import kz.qujat.domain.Iin;
import kz.qujat.domain.Region;
import kz.qujat.domain.RegistrationPoint;
import kz.qujat.domain.RegistrationPoints;

/**
 * Makes realistic synthetic applicants from a seed: the same seed, date and settings give the same people,
 * byte for byte. Every applicant is an adult with a valid IIN whose card expires inside the R3 window
 * (30 days before to 10 days after {@code today}); a share of them carry a deliberate {@link Defect}.
 * People made by {@link #forSubmission} stay inside the window on the day after {@code today} too.
 */
public final class SyntheticApplicants {
    /** Portrait sizes in the 35:45 ratio, at or above the 600x771 minimum. */
    private static final RegistrationPoints POINTS = RegistrationPoints.bundled();
    private static final int[][] PHOTO_SIZES = {{600, 771}, {630, 810}, {700, 900}};
    /** Edge days of R3 that every batch should contain (days until expiry: 30 before, expiry day, 10 after). */
    private static final int[] EDGE_DAYS = {30, 0, -10};

    private final Random rnd;
    private final LocalDate today;
    private final double defectShare;
    /** The most days after expiry a card may be: 10 at R3's edge, 9 for people submitted to a running server. */
    private final int latestAfterExpiry;
    private final Set<String> usedIins = new HashSet<>();
    private int made;

    /**
     * @param today       the applicants' request date in the Asia/Almaty calendar
     * @param defectShare share (0..1) of applicants that get one deliberate defect
     */
    public SyntheticApplicants(long seed, LocalDate today, double defectShare) {
        this(seed, today, defectShare, 10);
    }

    /**
     * People to submit over a while to a server that runs on its own clock (a test's server, a benchmark, the intake
     * tool): the same people as {@link #SyntheticApplicants(long, LocalDate, double)} gives, except that nobody's
     * card expired more than 9 days before {@code today}. A batch made before midnight in Almaty and submitted
     * after it is then still inside R3 on the server's new day, where a card 10 days past expiry is refused.
     */
    public static SyntheticApplicants forSubmission(long seed, LocalDate today, double defectShare) {
        return new SyntheticApplicants(seed, today, defectShare, 9);
    }

    private SyntheticApplicants(long seed, LocalDate today, double defectShare, int latestAfterExpiry) {
        if (defectShare < 0 || defectShare > 1) {
            throw new IllegalArgumentException("defect share must be between 0 and 1");
        }
        this.rnd = new Random(seed);
        this.today = today;
        this.defectShare = defectShare;
        this.latestAfterExpiry = latestAfterExpiry;
    }

    /** A synthetic JPEG portrait of any size (for benchmarks), the same bytes for the same seed. */
    public static byte[] portraitJpeg(long seed, int width, int height) {
        Random rnd = new Random(seed);
        BufferedImage img = PortraitPainter.paint(Appearance.random(rnd, rnd.nextBoolean()), width, height,
                new Random(rnd.nextLong()));
        return Imaging.jpeg(img);
    }

    public SyntheticApplicant next(Region region) {
        Random person = new Random(rnd.nextLong());
        Iin.Sex sex = person.nextBoolean() ? Iin.Sex.MALE : Iin.Sex.FEMALE;
        return make(region, person, sex, newIin(person, sex));
    }

    /**
     * An applicant of the given sex and age in full years on {@code today}, for a real portrait of a known sitter:
     * the IIN, the name and the patronymic then agree with the face shown beside them.
     */
    public SyntheticApplicant next(Region region, Iin.Sex sex, int age) {
        if (age < 18 || age > 100) {
            throw new IllegalArgumentException("an applicant is an adult of at most 100 years");
        }
        Random person = new Random(rnd.nextLong());
        person.nextBoolean(); // the draw next(Region) spends on the sex, so the rest of the person stays comparable
        return make(region, person, sex, newIin(person, sex, today.minusYears(age)));
    }

    private SyntheticApplicant make(Region region, Random person, Iin.Sex sex, Iin iin) {
        Names.FullName name = Names.pick(person, sex);
        int daysUntilExpiry = Math.max(-latestAfterExpiry,
                made < EDGE_DAYS.length ? EDGE_DAYS[made] : -10 + person.nextInt(41));
        made++;
        Optional<Defect> defect = person.nextDouble() < defectShare
                ? Optional.of(Defect.values()[person.nextInt(Defect.values().length)]) : Optional.empty();
        List<RegistrationPoint> points = POINTS.of(region);
        String point = points.get(person.nextInt(points.size())).code();

        Appearance looks = Appearance.random(person, sex == Iin.Sex.FEMALE);
        int[] size = PHOTO_SIZES[person.nextInt(PHOTO_SIZES.length)];
        BufferedImage photo = PortraitPainter.paint(looks, size[0], size[1], new Random(person.nextLong()));
        BufferedImage registryPhoto = PortraitPainter.paint(looks.earlier(person), 600, 771, new Random(person.nextLong()));
        SignaturePainter.Style style = SignaturePainter.Style.random(person);
        BufferedImage signature = SignaturePainter.paint(style, person, 0.006, 1.0, 0, 0);
        BufferedImage registrySignature = SignaturePainter.paint(style, person, 0.012, 0.97, 0.01, 0.01);

        if (defect.isPresent()) {
            switch (defect.get()) {
                case DARK_PHOTO -> photo = Imaging.darken(photo, 0.22);
                case GREYSCALE_PHOTO -> photo = Imaging.greyscale(photo);
                case TINY_PHOTO -> photo = Imaging.resize(photo, 180, 231);
                case BLANK_SIGNATURE -> signature = Imaging.blank(signature.getWidth(), signature.getHeight());
                case CLIPPED_SIGNATURE -> signature = Imaging.cutThroughInk(signature);
                case REGISTER_NAME_MISMATCH -> { }
            }
        }
        String registrySurname = defect.filter(d -> d == Defect.REGISTER_NAME_MISMATCH).isPresent()
                ? Names.oneLetterOff(name.surname(), person) : name.surname();
        return new SyntheticApplicant(iin, name.surname(), name.givenName(), name.patronymic(),
                digits(person, 9), today.plusDays(daysUntilExpiry), region.name(), point,
                "EGOV-" + today.getYear() + "-" + digits(person, 12), "+77" + person.nextInt(8) + digits(person, 8),
                Imaging.jpeg(photo), Imaging.png(signature), registrySurname, Imaging.jpeg(registryPhoto),
                Imaging.png(registrySignature), defect);
    }

    /**
     * Another person (a new IIN, name, card, payment and phone, drawn from this batch's sequence) who brings the
     * images of {@code model}: the application and register record of a new citizen for the price of a few random
     * numbers, where painting a portrait costs ~0.1 s (a benchmark's long warm-up). The sex is the model's, so the
     * name fits the face; no defect is added.
     */
    public SyntheticApplicant withImagesOf(SyntheticApplicant model, Region region) {
        Random person = new Random(rnd.nextLong());
        Iin.Sex sex = model.iin().sex();
        Iin iin = newIin(person, sex);
        Names.FullName name = Names.pick(person, sex);
        int daysUntilExpiry = Math.max(-latestAfterExpiry, -10 + person.nextInt(41));
        made++;
        List<RegistrationPoint> points = POINTS.of(region);
        String point = points.get(person.nextInt(points.size())).code();
        return new SyntheticApplicant(iin, name.surname(), name.givenName(), name.patronymic(), digits(person, 9),
                today.plusDays(daysUntilExpiry), region.name(), point, "EGOV-" + today.getYear() + "-"
                + digits(person, 12), "+77" + person.nextInt(8) + digits(person, 8), model.photoJpeg(),
                model.signaturePng(), name.surname(), model.registryPhotoJpeg(), model.registrySignaturePng(),
                Optional.empty());
    }

    /** An adult (18 to 75 on {@code today}) with an IIN not given to anyone else in this batch. */
    private Iin newIin(Random person, Iin.Sex sex) {
        return newIin(person, sex, today.minusYears(18), 57 * 365);
    }

    /** An IIN of someone whose last birthday was at most a year before {@code latest}'s anniversary. */
    private Iin newIin(Random person, Iin.Sex sex, LocalDate latest) {
        return newIin(person, sex, latest, 365);
    }

    private Iin newIin(Random person, Iin.Sex sex, LocalDate latest, int spanDays) {
        while (true) {
            LocalDate birth = latest.minusDays(person.nextInt(spanDays));
            Optional<Iin> iin = Iin.complete(Iin.prefix(birth, sex, person.nextInt(10000)));
            if (iin.isPresent() && usedIins.add(iin.get().value())) {
                return iin.get();
            }
        }
    }

    private static String digits(Random rnd, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }
}
