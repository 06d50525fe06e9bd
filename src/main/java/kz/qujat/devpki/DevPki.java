package kz.qujat.devpki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.devpki.DevCa.Ext;
import kz.qujat.devpki.DevPerson.Special;
import kz.qujat.devpki.DevPkiFiles.KeyEntry;
import kz.qujat.eds.Gost;
import kz.qujat.eds.GostAlgorithm;

/**
 * Makes the whole development PKI in a folder: a clearly named development root and intermediate CA, an
 * untrusted CA, two-key PKCS#12 files for the staff identities in the Kazakh EDS profile, service keys
 * (central, production, TSA, OCSP, TLS), the trust folder with CRLs, the staff CSV and a README.
 */
public final class DevPki {
    /** The password of every development key file; it protects nothing of value and is documented. */
    public static final String PASSWORD = "qujat-dev";
    static final String ROOT_CN = "Qujat DEVELOPMENT Root CA - not for production";
    static final String INTERMEDIATE_CN = "Qujat DEVELOPMENT Intermediate CA - not for production";
    static final String OTHER_CN = "Qujat DEVELOPMENT Untrusted CA - not in trust";
    static final String GOST_CN = "Qujat DEVELOPMENT GOST 2015 CA - not for production";
    static final Instant CA_FROM = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant EXPIRED_FROM = Instant.parse("2023-01-01T00:00:00Z");
    static final Instant EXPIRED_TO = Instant.parse("2024-01-01T00:00:00Z");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DevPki(Clock clock) {
        this.clock = clock;
    }

    /** Writes every file into {@code out} (created if missing; files of the same name are replaced). */
    public void generate(Path out) throws IOException, GeneralSecurityException {
        ZonedDateTime today = clock.instant().truncatedTo(ChronoUnit.DAYS).atZone(ZoneOffset.UTC);
        Instant leafFrom = today.minusDays(1).toInstant();
        Instant leafTo = today.plusYears(10).toInstant();
        Instant caTo = today.plusYears(20).toInstant();
        DevPkiFiles files = new DevPkiFiles(out, PASSWORD.toCharArray());
        try {
            DevCa root = DevCa.root(DevProfiles.caName(ROOT_CN), rsa(), CA_FROM, caTo, random);
            DevCa intermediate = root.subordinate(DevProfiles.caName(INTERMEDIATE_CN), rsa(), CA_FROM, caTo);
            DevCa other = DevCa.root(DevProfiles.caName(OTHER_CN), rsa(), CA_FROM, caTo, random);
            DevCa gost = DevCa.root(DevProfiles.caName(GOST_CN), Gost.generate(GostAlgorithm.GOST_2015_512, random),
                    CA_FROM, caTo, random);
            List<X509Certificate> revoked = new ArrayList<>();
            for (DevPerson person : DevPeople.all()) {
                if (person.gost()) {
                    person(files, person, gost, List.of(gost.certificate()), leafFrom, leafTo);
                    continue;
                }
                boolean untrusted = person.special() == Special.UNTRUSTED;
                boolean expired = person.special() == Special.EXPIRED;
                List<X509Certificate> made = person(files, person, untrusted ? other : intermediate,
                        untrusted ? List.of(other.certificate()) : List.of(intermediate.certificate(), root.certificate()),
                        expired ? EXPIRED_FROM : leafFrom, expired ? EXPIRED_TO : leafTo);
                if (person.special() == Special.REVOKED) {
                    revoked.addAll(made);
                }
            }
            Services services = new Services(files, intermediate, root, leafFrom, leafTo);
            services.make("central-service", "Qujat DEVELOPMENT central service", DevProfiles.serviceSigning());
            services.make("production-node", "Qujat DEVELOPMENT production node", DevProfiles.serviceSigning());
            services.make("tsa", "Qujat DEVELOPMENT time-stamping authority", DevProfiles.timeStamping());
            services.make("ocsp", "Qujat DEVELOPMENT OCSP responder", DevProfiles.ocspSigning());
            services.make("tls-server", "localhost", DevProfiles.tlsServer());

            Instant crlFrom = today.minusDays(1).toInstant();
            Instant crlNext = today.plusYears(9).toInstant();
            X509CRL intermediateCrl = intermediate.crl(revoked, crlFrom, crlNext);
            files.pem("trust/root-ca.crt", root.certificate());
            files.pem("trust/intermediate-ca.crt", intermediate.certificate());
            files.pem("trust/intermediate-ca.crl", intermediateCrl);
            files.pem("trust/root-ca.crl", root.crl(List.of(), crlFrom, crlNext));
            files.pem("trust/root-gost-ca.crt", gost.certificate());
            files.pem("trust/root-gost-ca.crl", gost.crl(List.of(), crlFrom, crlNext));
            files.pem("ca/other-ca.crt", other.certificate());
            files.p12("ca/root-ca.p12", List.of(new KeyEntry("root-ca", root.keys().getPrivate(), List.of(root.certificate()))));
            files.p12("ca/intermediate-ca.p12", List.of(new KeyEntry("intermediate-ca", intermediate.keys().getPrivate(),
                    List.of(intermediate.certificate(), root.certificate()))));
            files.p12("ca/other-ca.p12", List.of(new KeyEntry("other-ca", other.keys().getPrivate(),
                    List.of(other.certificate()))));
            files.text("staff-dev.csv", StaffCsv.text(DevPeople.all()));
            files.text("README.md", DevPkiReadme.text(DevPeople.all(), leafTo, crlNext));
        } finally {
            files.clear();
        }
    }

    /** Two keys, two certificates, one PKCS#12; returns the two certificates. */
    private List<X509Certificate> person(DevPkiFiles files, DevPerson p, DevCa issuer, List<X509Certificate> issuerChain,
            Instant from, Instant to) throws IOException, GeneralSecurityException {
        KeyPair auth = keys(p);
        KeyPair sign = keys(p);
        X509Certificate authCert = issuer.issue(DevProfiles.person(p), auth.getPublic(), from, to, p.gost()
                ? DevProfiles.gost(DevProfiles.personAuthentication(false), DevProfiles.GOST_AUTHENTICATION_POLICY)
                : DevProfiles.personAuthentication(p.ec()));
        X509Certificate signCert = issuer.issue(DevProfiles.person(p), sign.getPublic(), from, to, p.gost()
                ? DevProfiles.gost(DevProfiles.personSigning(), DevProfiles.GOST_SIGNING_POLICY)
                : DevProfiles.personSigning());
        files.p12(p.file() + ".p12", List.of(
                new KeyEntry("authentication", auth.getPrivate(), chain(authCert, issuerChain)),
                new KeyEntry("signing", sign.getPrivate(), chain(signCert, issuerChain))));
        files.pem(p.file() + "-auth.crt", authCert);
        files.pem(p.file() + "-sign.crt", signCert);
        return List.of(authCert, signCert);
    }

    private static List<X509Certificate> chain(X509Certificate leaf, List<X509Certificate> issuers) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(issuers);
        return chain;
    }

    /** Issues one-key service identities from the intermediate CA. */
    private final class Services {
        private final DevPkiFiles files;
        private final DevCa issuer;
        private final DevCa root;
        private final Instant from;
        private final Instant to;

        Services(DevPkiFiles files, DevCa issuer, DevCa root, Instant from, Instant to) {
            this.files = files;
            this.issuer = issuer;
            this.root = root;
            this.from = from;
            this.to = to;
        }

        void make(String file, String commonName, List<Ext> profile) throws IOException, GeneralSecurityException {
            KeyPair keys = rsa();
            X509Certificate cert = issuer.issue(DevProfiles.caName(commonName), keys.getPublic(), from, to, profile);
            files.p12(file + ".p12", List.of(new KeyEntry(file, keys.getPrivate(),
                    List.of(cert, issuer.certificate(), root.certificate()))));
            files.pem(file + ".crt", cert);
        }
    }

    private KeyPair keys(DevPerson p) throws GeneralSecurityException {
        return p.gost() ? Gost.generate(GostAlgorithm.GOST_2015_512, random) : p.ec() ? ec() : rsa();
    }

    private KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }
}
