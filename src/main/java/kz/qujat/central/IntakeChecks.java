package kz.qujat.central;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.qujat.inspect.CheckResult;
import kz.qujat.inspect.Explanations;
import kz.qujat.inspect.OpenCvNatives;
import kz.qujat.inspect.PhotoInspector;
import kz.qujat.inspect.Pool;
import kz.qujat.inspect.PhotoInspectors;
import kz.qujat.inspect.RegisterFace;
import kz.qujat.inspect.Report;
import kz.qujat.inspect.SafeImage;
import kz.qujat.inspect.SamePerson;
import kz.qujat.inspect.SignatureInspector;
import kz.qujat.inspect.Thresholds;
import kz.qujat.inspect.Verdict;

/**
 * Runs the photo and signature checks of rule R7 on an application at intake, the same checks the officer's
 * workstation shows, so that the queue can show which applications have failing checks and the portal can
 * tell the applicant at once. A check never refuses an application: the officer decides.
 */
public final class IntakeChecks {
    private static final Locale PORTAL_LANGUAGE = Locale.forLanguageTag("ru");
    private final Thresholds thresholds;
    private final PhotoInspectors photos;
    private final SignatureInspector signatures;
    /**
     * The same-person check: a 23 MB network each, so a pool of one per core (not one per request thread). The
     * register photo's side comes described ({@link RegisterFace}, kept with the register record): intake describes
     * only the submitted photo.
     */
    private final Pool<SamePerson> samePerson;

    public IntakeChecks(Thresholds thresholds) {
        this.thresholds = thresholds;
        // at start-up, not inside the first intake request (seconds on a busy machine, past a client's timeout)
        OpenCvNatives.load();
        this.photos = new PhotoInspectors(thresholds);
        this.signatures = new SignatureInspector(thresholds);
        this.samePerson = new Pool<>(Math.max(1, Runtime.getRuntime().availableProcessors()),
                () -> new SamePerson(thresholds));
    }

    /** What the checks found: every check as JSON, the worst measured verdict and the applicant's warnings. */
    public record Outcome(String json, Verdict worst, List<String> warnings) {
    }

    public Outcome run(byte[] photo, byte[] signature) {
        return run(photo, signature, null);
    }

    /**
     * With {@code registerPhoto} (the photo on the card being replaced, from the population register; null when
     * the register holds none) the same-person check is stored with the others, as an aid: it never refuses
     * and never counts towards the worst verdict.
     */
    public Outcome run(byte[] photo, byte[] signature, byte[] registerPhoto) {
        return run(photo, null, signature, null, registerPhoto);
    }

    /**
     * As {@link #run(byte[], byte[], byte[])} with the photo and the signature already decoded by intake's edge check
     * ({@link ImageCheck}): they are measured on those pixels, not decoded a second time.
     */
    public Outcome run(byte[] photo, SafeImage.Result photoDecoded, byte[] signature, SafeImage.Result signatureDecoded,
                       byte[] registerPhoto) {
        return run(photo, photoDecoded, signature, signatureDecoded, describeRegister(registerPhoto, null));
    }

    /**
     * The register photo's face for the same-person check, described once to be kept with the register record (when
     * it is fed, or at its first use): {@code decoded} is the photo as the feed's edge check decoded it, or null.
     */
    public RegisterFace describeRegister(byte[] registerPhoto, SafeImage.Result decoded) {
        return samePerson.with(sp -> sp.describeRegister(registerPhoto, decoded));
    }

    /**
     * As {@link #run(byte[], SafeImage.Result, byte[], SafeImage.Result, byte[])} with the register photo's face
     * described before ({@link #describeRegister}; null: the register holds no photo): the same result.
     */
    public Outcome run(byte[] photo, SafeImage.Result photoDecoded, byte[] signature, SafeImage.Result signatureDecoded,
                       RegisterFace register) {
        PhotoInspector.Inspected inspected = photos.inspectKeeping(photo, photoDecoded);
        Report p = inspected.report();
        Report s = signatures.inspect(signature, signatureDecoded);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("photo", checks(p));
        root.set("signature", checks(s));
        // the photo suite's decoded image and YuNet points: the submitted photo is not decoded nor searched again
        SamePerson.Result same = samePerson.with(sp -> sp.compare(inspected.image(), p.landmarks(), register));
        root.set("samePerson", samePersonJson(same));
        List<String> warnings = new ArrayList<>();
        for (Report r : List.of(p, s)) {
            for (CheckResult c : r.checks()) {
                if (c.verdict() == Verdict.WARN || c.verdict() == Verdict.FAIL) {
                    warnings.add(c.check() + " " + c.verdict() + ": " + Explanations.text(c, PORTAL_LANGUAGE));
                }
            }
        }
        Verdict worst = p.worst() == Verdict.FAIL || s.worst() == Verdict.FAIL ? Verdict.FAIL
                : p.worst() == Verdict.WARN || s.worst() == Verdict.WARN ? Verdict.WARN : Verdict.PASS;
        return new Outcome(root.toString(), worst, warnings);
    }

    /** The same-person result as stored with the checks (and carried into the decision's inspection note). */
    static ObjectNode samePersonJson(SamePerson.Result r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (Double.isNaN(r.distance())) {
            n.putNull("distance");
        } else {
            n.put("distance", Math.round(r.distance() * 10000) / 10000.0);
        }
        n.put("verdict", r.verdict().name());
        n.put("sameAtMost", r.sameAtMost());
        n.put("differentAbove", r.differentAbove());
        n.put("messageKey", r.reasonKey());
        return n;
    }

    private static ArrayNode checks(Report r) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (CheckResult c : r.checks()) {
            ObjectNode n = out.addObject();
            n.put("name", c.check());
            if (Double.isNaN(c.value())) {
                n.putNull("value");
            } else {
                n.put("value", Math.round(c.value() * 1000) / 1000.0);
            }
            n.put("verdict", c.verdict().name());
            n.put("messageKey", c.messageKey());
        }
        return out;
    }

    public Thresholds thresholds() {
        return thresholds;
    }
}
