package kz.qujat.devpki;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The README.md written next to the development PKI: every file, its password, its purpose, the IINs. */
final class DevPkiReadme {
    private DevPkiReadme() {
    }

    static String text(List<DevPerson> people, Instant leafTo, Instant crlNext) {
        StringBuilder md = new StringBuilder();
        md.append("""
                # certs-dev: the development PKI of Qujat

                **Development only. Never use these keys or trust these CAs outside development.** Every private
                key here is public (it is committed). The CAs are named "Qujat DEVELOPMENT ... - not for
                production" and have nothing to do with НУЦ РК.

                Make them all again (new keys, same names and IINs):

                    java -jar target/qujat.jar devpki --out certs-dev

                Password of every `.p12` file: `qujat-dev`. Certificates and CRLs are PEM (openssl and Java read them).
                """);
        md.append("Person and service certificates are valid until ").append(date(leafTo))
                .append("; the CRLs' nextUpdate is ").append(date(crlNext)).append(".\n\n");
        md.append("""
                ## trust/ — what a server trusts (`TrustConfig.load(Path.of("certs-dev/trust"))`)
                | file | what |
                | --- | --- |
                | `root-ca.crt` | Qujat DEVELOPMENT Root CA (self-signed trust anchor); `-CAfile` for openssl |
                | `intermediate-ca.crt` | Qujat DEVELOPMENT Intermediate CA, issues all person and service certificates |
                | `intermediate-ca.crl` | CRL of the intermediate CA: lists both certificates of `officer-revoked` |
                | `root-ca.crl` | CRL of the root CA (empty): the intermediate is not revoked |

                ## Staff identities — one `.p12` with TWO keys each (alias `authentication`, alias `signing`)
                Subject in the Kazakh EDS profile: `C=KZ, SERIALNUMBER=IIN…, CN=SURNAME GIVENNAME, SURNAME, GIVENNAME,
                O=organisation, OU=BIN…`. Authentication key: keyUsage digitalSignature + keyEncipherment (RSA) or
                keyAgreement (EC), EKU clientAuth + employee role 1.2.398.3.3.4.1.2.5 (log in with it). Signing key:
                keyUsage digitalSignature + nonRepudiation, EKU employee role only (sign decisions with it).
                `NAME-auth.crt` and `NAME-sign.crt` are the two certificates.

                | file | IIN | name | key | staff record | what it tests |
                | --- | --- | --- | --- | --- | --- |
                """);
        for (DevPerson p : people) {
            md.append("| `").append(p.file()).append(".p12` | ").append(p.iin().value()).append(" | ")
                    .append(p.surname()).append(' ').append(p.givenName()).append(" | ")
                    .append(p.gost() ? "GOST 34.310-2015 (512), НУЦ РК OIDs" : p.ec() ? "ECDSA P-256" : "RSA-2048").append(" | ").append(p.role().name())
                    .append(p.region() == null ? " (national)" : " " + p.region().name())
                    .append(p.registrationPoint() == null ? "" : " " + p.registrationPoint()).append(" | ")
                    .append(purpose(p)).append(" |\n");
        }
        md.append("""

                ## Service identities — one key each (`.p12` + `.crt` for pinning), issued by the intermediate CA
                | file | what |
                | --- | --- |
                | `central-service.p12/.crt` | signs requests central → production (keyUsage digitalSignature + nonRepudiation) |
                | `production-node.p12/.crt` | signs requests production → central (same profile) |
                | `tsa.p12/.crt` | RFC 3161 time-stamping authority (EKU timeStamping only, critical) |
                | `ocsp.p12/.crt` | OCSP responder (EKU OCSPSigning, ocsp-nocheck) |
                | `tls-server.p12/.crt` | HTTPS server certificate (SAN localhost, 127.0.0.1; EKU serverAuth) |

                ## ca/ — the CA keys, so that tests and developers can issue more (e.g. a CRL)
                | file | what |
                | --- | --- |
                | `ca/root-ca.p12` | key of the development root CA |
                | `ca/intermediate-ca.p12` | key of the development intermediate CA (chain inside) |
                | `ca/other-ca.p12`, `ca/other-ca.crt` | the untrusted CA that issued `officer-untrusted` (not in trust/) |

                ## staff-dev.csv
                The staff directory for these identities (`iin,surname,givenName,role,region,registrationPoint`),
                loaded by the central service with `--staff certs-dev/staff-dev.csv`. The revoked, expired and
                untrusted officers have staff records (OFFICER, ASTANA) on purpose: their login must be refused
                for the certificate, not for a missing record.

                ## Check with openssl
                    openssl cms -verify -binary -inform DER -in sig.p7s -content data -CAfile certs-dev/trust/root-ca.crt -purpose any
                    openssl pkcs12 -in certs-dev/officer-astana.p12 -passin pass:qujat-dev -nokeys -info
                """);
        md.append('\n');
        md.append("""
                ## Time-stamps and revocation (development TSA and OCSP responder)

                    java -jar target/qujat.jar devpki serve --port 8090 --certs certs-dev
                    # prints:  TSA  http://localhost:8090/tsa    OCSP http://localhost:8090/ocsp

                The TSA signs RFC 3161 tokens with `tsa.p12`; the OCSP responder answers for certificates of the
                intermediate CA with `ocsp.p12` (POST `/ocsp` and GET `/ocsp/<base64>`), from the revocations in
                `trust/intermediate-ca.crl` (so `officer-revoked` is revoked). The development certificates carry no AIA:
                give the responder with `--ocsp URL`.

                ## Using a real token (PKCS#11)

                A token, smart card or the ID card is reached through its vendor's PKCS#11 module, named in a small
                configuration file — configuration, not code:

                    # kaztoken.cfg
                    library=/usr/lib/libkztoken.so
                    slotListIndex=0          # or slot=<id>; slot ids can change when a token is re-plugged
                    # provider=SunPKCS11     # default; any installed JCA provider name (e.g. a certified GOST provider)
                    # keyStoreType=PKCS11    # the key store type that provider offers

                    QUJAT_PIN=... java -jar target/qujat.jar sign --pkcs11 kaztoken.cfg --tsa http://localhost:8090/tsa --out doc.p7s doc.pdf

                Common module paths (check the vendor's installer; they differ between versions and distributions):

                | token | Linux | Windows |
                | --- | --- | --- |
                | Kaztoken (НУЦ РК) | `/usr/lib/libkztoken.so` | `C:\\Windows\\System32\\kztoken.dll` |
                | eToken (SafeNet Authentication Client) | `/usr/lib/libeToken.so` | `C:\\Windows\\System32\\eTPKCS11.dll` |
                | JaCarta (Аладдин Р.Д.) | `/usr/lib/libjcPKCS11-2.so` | `C:\\Windows\\System32\\jcPKCS11-2.dll` |
                | Kazakh ID card / other cards via OpenSC | `/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so` | `C:\\Windows\\System32\\opensc-pkcs11.dll` |
                | SoftHSM2 (tests) | `/usr/lib/softhsm/libsofthsm2.so` | — |

                The token holds only its own certificates; Qujat completes the chain from `--trust` (the intermediates).
                A wrong PIN is reported as such; a locked PIN and "about to lock" (the token's PIN-count-low/final-try
                flags) are reported where the token reports them (`TokenInfo`, needs
                `--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED`, already in `qujat.jar`'s
                manifest). A removed token gives `TOKEN_REMOVED`: log in again.

                Tests use a SoftHSM2 token they initialise themselves (`target/softhsm/`, keys generated on the token,
                certificates issued by `ca/intermediate-ca.p12`); `.ci/run` installs `softhsm2 opensc`.
                """);
        return md.toString();
    }

    private static String purpose(DevPerson p) {
        return switch (p.special()) {
            case NONE -> "valid";
            case REVOKED -> "both certificates listed in trust/intermediate-ca.crl";
            case EXPIRED -> "valid only " + date(DevPki.EXPIRED_FROM) + " to " + date(DevPki.EXPIRED_TO);
            case UNTRUSTED -> "issued by ca/other-ca (not in trust/)";
        };
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
