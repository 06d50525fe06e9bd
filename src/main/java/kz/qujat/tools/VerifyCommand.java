package kz.qujat.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.qujat.api.Json;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.ValidationReport;
import kz.qujat.eds.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qujat verify}: checks a CMS signature and prints a validation report; exit 0 VALID, 1 INVALID, 3 INDETERMINATE. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies a CAdES/CMS signature and prints a validation report (exit 0 VALID, 1 INVALID,"
                + " 3 INDETERMINATE).")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.p7s", description = "The signature (DER).")
    Path signature;

    @Option(names = "--content", paramLabel = "FILE", description = "The signed file, for a detached signature.")
    Path content;

    @Option(names = "--trust", paramLabel = "DIR", defaultValue = "certs-dev/trust",
            description = "Trust anchors, intermediates and CRLs (default ${DEFAULT-VALUE}).")
    Path trust;

    @Option(names = "--ocsp", paramLabel = "URL", description = "OCSP responder (else the certificate's AIA; CRL fallback).")
    URI ocsp;

    @Option(names = "--require-timestamp", description = "A signature without a signature time-stamp is INVALID.")
    boolean requireTimestamp;

    @Option(names = "--purpose", defaultValue = "SIGNING", description = "SIGNING or AUTHENTICATION (default ${DEFAULT-VALUE}).")
    KeyPurpose purpose;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the report as JSON.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CmsVerifier verifier;
        byte[] cms;
        byte[] data;
        try {
            cms = Files.readAllBytes(signature);
            data = content == null ? null : Files.readAllBytes(content);
            ValidationPolicy policy = ocsp == null && !requireTimestamp ? ValidationPolicy.BASIC
                    : new ValidationPolicy(ocsp, true, true, requireTimestamp, ocsp != null, Duration.ofSeconds(10));
            verifier = new CmsVerifier(TrustConfig.load(trust), Clock.systemUTC(), policy);
        } catch (IOException e) {
            err.println("cannot read: " + e.getMessage());
            return 2;
        }
        VerificationResult r = data == null ? verifier.verifyAttached(cms, purpose)
                : verifier.verifyDetached(cms, data, purpose);
        ValidationReport report = ValidationReport.of(r);
        spec.commandLine().getOut().print(report.text());
        spec.commandLine().getOut().flush();
        if (json != null) {
            try {
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
            } catch (IOException e) {
                err.println("cannot write " + json + ": " + e.getMessage());
                return 2;
            }
        }
        return switch (r.indication()) {
            case VALID -> 0;
            case INVALID -> 1;
            case INDETERMINATE -> 3;
        };
    }
}
