package kz.qujat.central;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.qujat.domain.Iin;
import kz.qujat.domain.InvalidInputException;
import kz.qujat.domain.Region;
import kz.qujat.domain.RegistrationPoint;
import kz.qujat.domain.RegistrationPoints;
import kz.qujat.domain.StaffRole;

/**
 * Reads the staff directory file: UTF-8 CSV with header {@code iin,surname,givenName,role,region,registrationPoint}.
 * A clerk's region is that of the registration point. A bad line stops the start with its line number.
 */
public final class StaffCsv {
    private static final String HEADER = kz.qujat.api.StaffCsvHeader.LINE;

    private StaffCsv() {
    }

    public static List<StaffMember> read(Path file, RegistrationPoints points) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").trim().equals(HEADER)) {
            throw new IllegalArgumentException(file + ": first line must be " + HEADER);
        }
        List<StaffMember> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(parse(line, points));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static StaffMember parse(String line, RegistrationPoints points) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 fields");
        }
        String iin;
        try {
            iin = Iin.parse(f[0].trim()).value();
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        StaffRole role = StaffRole.valueOf(f[3].trim());
        Region region = f[4].isBlank() ? null : Region.valueOf(f[4].trim());
        String point = f[5].isBlank() ? null : f[5].trim();
        switch (role) {
            case OFFICER -> require(region != null, "an officer needs a region");
            case CLERK -> {
                require(point != null, "a clerk needs a registration point");
                RegistrationPoint p = points.find(point)
                        .orElseThrow(() -> new IllegalArgumentException("unknown registration point"));
                require(region == null || region == p.region(), "region does not match the registration point");
                region = p.region();
            }
            default -> { }
        }
        return new StaffMember(iin, f[1].trim(), f[2].trim(), role, region, point);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
