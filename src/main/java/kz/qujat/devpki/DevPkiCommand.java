package kz.qujat.devpki;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qujat devpki --out DIR}: makes the development PKI (see certs-dev/README.md). */
@Command(name = "devpki", mixinStandardHelpOptions = true, subcommands = DevPkiServeCommand.class,
        description = "Makes the development PKI: CAs, staff and service keys (PKCS#12), trust folder, CRLs, staff CSV."
                + " 'devpki serve' runs its TSA and OCSP responder.")
public final class DevPkiCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write (e.g. certs-dev); required.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            System.err.println("Missing required option: '--out=DIR' (or use 'devpki serve')");
            return 2;
        }
        new DevPki(Clock.systemUTC()).generate(out);
        System.out.println("Development PKI written to " + out.toAbsolutePath().normalize()
                + " (password of every .p12: " + DevPki.PASSWORD + "; see README.md there)");
        return 0;
    }
}
