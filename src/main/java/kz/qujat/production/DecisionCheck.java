package kz.qujat.production;

import java.util.Base64;
import java.util.Objects;
import kz.qujat.api.Canonical;
import kz.qujat.api.DecisionDocument;
import kz.qujat.api.ProductionOrder;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.VerificationResult;
import kz.qujat.server.ApiException;

/**
 * Verifies an order's officer decision by the node's own trust anchors, independent of the central
 * service (R8): a valid signing-key signature over the decision document, an APPROVE for exactly this
 * application and ticket, and hashes that match the form, photo and signature the order carries.
 */
final class DecisionCheck {
    private final CmsVerifier verifier;

    DecisionCheck(CmsVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Returns the verified document, or throws with the reason the order is refused. {@code photo} and
     * {@code signature} are the images the order names (inline or held by hash); they must be the approved ones.
     */
    DecisionDocument verify(ProductionOrder order, byte[] photo, byte[] signature) {
        byte[] document = base64(order.decisionDocument(), "decisionDocument");
        byte[] cms = base64(order.decisionCms(), "decisionCms");
        VerificationResult result = verifier.verifyDetached(cms, document, KeyPurpose.SIGNING);
        if (result.indeterminate()) {
            throw ApiException.unavailable("the officer signature is not confirmed yet (revocation status"
                    + " unavailable); not confirmed, retrying");
        }
        if (!result.valid()) {
            throw ApiException.invalidDecision("officer signature not valid: " + result.reason());
        }
        DecisionDocument doc;
        try {
            doc = DecisionDocument.parse(document);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidDecision(e.getMessage());
        }
        require(DecisionDocument.APPROVE.equals(doc.decision()), "the decision is not APPROVE");
        require(order.applicationId().equals(doc.applicationId()), "the decision is for another application");
        require(Objects.equals(order.ticketNumber(), doc.ticketNumber()), "the decision is for another ticket");
        require(result.profile() != null && result.profile().iin() != null
                && result.profile().iin().equals(doc.officerIin()), "the decision names an officer other than its signer");
        require(Canonical.sha256Hex(photo).equalsIgnoreCase(nz(doc.photoSha256())), "the photo differs from the one approved");
        require(Canonical.sha256Hex(signature).equalsIgnoreCase(nz(doc.signatureSha256())),
                "the signature image differs from the one approved");
        require(Canonical.sha256Hex(Canonical.bytes(order.form())).equalsIgnoreCase(nz(doc.formSha256())),
                "the form differs from the one approved");
        return doc;
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw ApiException.invalidDecision(reason);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] base64(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid(field + " is missing");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + " is not base64");
        }
    }
}
