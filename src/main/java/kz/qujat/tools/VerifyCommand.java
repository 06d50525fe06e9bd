package kz.qujat.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import kz.qujat.api.Json;
import kz.qujat.eds.CmsVerifier;
import kz.qujat.eds.KeyPurpose;
import kz.qujat.eds.OfflineEvidence;
import kz.qujat.eds.TrustConfig;
import kz.qujat.eds.ValidationPolicy;
import kz.qujat.eds.ValidationReport;
import kz.qujat.eds.VerificationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qujat verify}: checks a CMS signature (RSA, ECDSA, НУЦ РК GOST) and prints a validation report with the
 * ETSI EN 319 102-1 indication; exit 0 TOTAL-PASSED, 1 TOTAL-FAILED, 3 INDETERMINATE.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies a CAdES/CMS signature (RSA, ECDSA, НУЦ РК GOST 2004 / 2015), now or at a given time,"
                + " with revocation evidence given offline, and prints a validation report (exit 0 TOTAL-PASSED,"
                + " 1 TOTAL-FAILED, 3 INDETERMINATE).")
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.p7s", description = "The signature (DER).")
    Path signature;

    @Option(names = "--content", paramLabel = "FILE", description = "The signed file, for a detached signature.")
    Path content;

    @Option(names = "--trust", paramLabel = "DIR|CERT|CRL", defaultValue = "certs-dev/trust",
            description = "Trust: a folder of roots, intermediates and CRLs, or a CA certificate trusted as it is (e.g."
                    + " an НУЦ РК CA), or a CRL; repeatable (default ${DEFAULT-VALUE}).")
    List<Path> trust;

    @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Validate at this time (2022-10-01T09:00:00Z or 2022-10-01) instead of now.")
    Instant at;

    @Option(names = "--ocsp-response", paramLabel = "FILE", description = "An OCSP response (DER) kept as evidence; repeatable.")
    List<Path> ocspResponses = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "FILE", description = "A CRL kept as evidence; repeatable.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--tsa-policy", paramLabel = "OID", description = "Accepted TSA policy of a signature time-stamp;"
            + " repeatable (default: any).")
    List<String> tsaPolicies = new ArrayList<>();

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
            OfflineEvidence evidence = OfflineEvidence.read(ocspResponses, crls, Set.copyOf(tsaPolicies));
            verifier = new CmsVerifier(TrustConfig.load(trust), at == null ? Clock.systemUTC()
                    : Clock.fixed(at, ZoneOffset.UTC), policy, evidence);
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
        return switch (r.etsi().indication()) {
            case TOTAL_PASSED -> 0;
            case TOTAL_FAILED -> 1;
            case INDETERMINATE -> 3;
        };
    }

    /** An instant, or a date meaning its start in UTC. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a time: " + value
                        + " (e.g. 2022-10-01T09:00:00Z or 2022-10-01)");
            }
        }
    }
}
