package kz.qujat.central.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recomputes the audit chain and names the first row that was changed, deleted or inserted. A row whose content
 * no longer gives its hash was changed; a missing sequence number is a deleted row; a row that hashes correctly
 * only under a smaller sequence number, and links to the row before the gap, was pushed down by rows inserted in
 * front of it; a row that still links to an older version of its predecessor shows that the predecessor was
 * changed and re-hashed. Signed checkpoints catch what re-hashing the whole rest of the chain would hide.
 */
public final class AuditVerifier {
    private static final int MAX_SHIFT = 16;

    public enum Finding { CHANGED, DELETED, INSERTED, CHECKPOINT }

    public record Problem(long seq, Finding finding, String message) {
    }

    /** {@code signedUpTo}: the last row covered by a valid signed checkpoint (0 if none). */
    public record Report(long rows, long lastSeq, int checkpoints, long signedUpTo, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private AuditVerifier() {
    }

    /**
     * @param rows ordered by seq
     * @param signatureRefusal empty when a checkpoint's signature is the central service's; null to skip the
     *                         signature check (no certificate given)
     */
    public static Report verify(List<AuditRow> rows, List<AuditCheckpoint> checkpoints,
                                Function<AuditCheckpoint, Optional<String>> signatureRefusal) {
        Map<Long, String> good = new HashMap<>();
        good.put(0L, AuditChain.GENESIS);
        String prev = AuditChain.GENESIS;
        long expected = 1;
        long last = 0;
        Problem problem = null;
        for (int i = 0; i < rows.size() && problem == null; i++) {
            AuditRow r = rows.get(i);
            if (r.seq() > expected) {
                problem = new Problem(expected, Finding.DELETED, r.seq() - expected == 1
                        ? "row " + expected + " was deleted"
                        : "rows " + expected + " to " + (r.seq() - 1) + " were deleted");
                break;
            }
            if (!AuditChain.expected(r).equals(r.hash())) {
                problem = classify(r, good);
                break;
            }
            if (!r.prevHash().equals(prev)) {
                problem = i == rows.size() - 1
                        ? new Problem(r.seq(), Finding.INSERTED, "row " + r.seq() + " was inserted: it does not link to"
                                + " row " + (r.seq() - 1))
                        : new Problem(r.seq() - 1, Finding.CHANGED, "row " + (r.seq() - 1) + " was changed (and its"
                                + " hash recomputed): row " + r.seq() + " links to its original version");
                break;
            }
            prev = r.hash();
            good.put(r.seq(), r.hash());
            last = r.seq();
            expected++;
        }
        long signedUpTo = 0;
        int count = 0;
        long limit = problem == null ? Long.MAX_VALUE : problem.seq();
        for (AuditCheckpoint cp : checkpoints.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList()) {
            count++;
            if (cp.seq() >= limit) {
                continue;
            }
            Problem found = null;
            Optional<String> refused = signatureRefusal == null ? Optional.empty() : signatureRefusal.apply(cp);
            if (refused.isPresent()) {
                found = new Problem(cp.seq(), Finding.CHECKPOINT, "the checkpoint at row " + cp.seq()
                        + " is not the central service's signature: " + refused.get());
            } else if (cp.seq() > last) {
                found = new Problem(last + 1, Finding.DELETED, "rows " + (last + 1) + " to " + cp.seq()
                        + " were deleted: the checkpoint signed them");
            } else if (!cp.hash().equals(good.get(cp.seq()))) {
                found = new Problem(signedUpTo + 1, Finding.CHECKPOINT, "rows " + (signedUpTo + 1) + " to "
                        + cp.seq() + " were rewritten with recomputed hashes: the chain at row " + cp.seq()
                        + " differs from the signed checkpoint");
            }
            if (found != null) {
                problem = found;
                limit = cp.seq();
            } else {
                signedUpTo = cp.seq();
            }
        }
        return new Report(rows.size(), last, count, signedUpTo, problem);
    }

    private static Problem classify(AuditRow r, Map<Long, String> good) {
        for (int d = 1; d <= MAX_SHIFT && r.seq() - d >= 1; d++) {
            long original = r.seq() - d;
            if (hashAt(r, original).equals(r.hash()) && r.prevHash().equals(good.get(original - 1))) {
                return new Problem(original, Finding.INSERTED, d == 1 ? "row " + original + " was inserted"
                        : "rows " + original + " to " + (r.seq() - 1) + " were inserted");
            }
        }
        for (int d = 1; d <= MAX_SHIFT; d++) {
            if (hashAt(r, r.seq() + d).equals(r.hash())) {
                return new Problem(r.seq(), Finding.DELETED, d == 1 ? "row " + r.seq() + " was deleted (the rows"
                        + " after it were renumbered)" : "rows " + r.seq() + " to " + (r.seq() + d - 1)
                        + " were deleted (the rows after them were renumbered)");
            }
        }
        return new Problem(r.seq(), Finding.CHANGED, "row " + r.seq() + " was changed: its content does not give its"
                + " hash");
    }

    private static String hashAt(AuditRow r, long seq) {
        return AuditChain.hash(r.prevHash(), seq, r.at(), r.kind(), r.applicationId(), r.actorIin(), r.detail());
    }
}
