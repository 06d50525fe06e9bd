package kz.qujat.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PKCS#11 libraries offered at login come from the command line; SoftHSM's only when none is given. */
class Pkcs11LibrariesConfigTest {
    @Test
    void theLibrariesNamedAtLaunchAreOfferedInOrder() {
        WorkstationConfig c = WorkstationApp.config(Map.of("central", "http://localhost:9",
                "pkcs11-libraries", "/opt/kaztoken/libktpkcs11.so" + File.pathSeparator + "/usr/lib/libidprime.so"));
        assertThat(c.pkcs11Libraries()).containsExactly(Path.of("/opt/kaztoken/libktpkcs11.so"),
                Path.of("/usr/lib/libidprime.so"));
    }

    @Test
    void withoutLibrariesSoftHsmIsOfferedOnlyWhereItIsInstalled() {
        WorkstationConfig c = WorkstationApp.config(Map.of("central", "http://localhost:9"));
        assertThat(c.pkcs11Libraries()).isEqualTo(Files.isRegularFile(WorkstationConfig.SOFTHSM)
                ? List.of(WorkstationConfig.SOFTHSM) : List.of());
    }
}
