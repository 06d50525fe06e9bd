package kz.qujat.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Individual identification number (ИИН): 12 digits, birth date YYMMDD, a century-and-sex digit,
 * a serial and a check digit. Only a number whose check digit and birth date are consistent exists.
 */
public final class Iin {
    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    public enum Sex { MALE, FEMALE }

    private Iin(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /** Parses an IIN, or throws {@link InvalidInputException} saying what is wrong with it. */
    public static Iin parse(String text) {
        if (text == null || !text.matches("\\d{12}")) {
            throw new InvalidInputException("iin", "IIN must be exactly 12 digits");
        }
        int centuryDigit = text.charAt(6) - '0';
        if (centuryDigit < 1 || centuryDigit > 6) {
            throw new InvalidInputException("iin", "IIN digit 7 (century and sex) must be 1 to 6");
        }
        int century = 1800 + 100 * ((centuryDigit - 1) / 2);
        LocalDate birth;
        try {
            birth = LocalDate.of(century + Integer.parseInt(text.substring(0, 2)),
                    Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new InvalidInputException("iin", "IIN digits 1-6 are not a valid birth date");
        }
        OptionalCheck check = checkDigit(text.substring(0, 11));
        if (check.digit < 0) {
            throw new InvalidInputException("iin", "IIN serial gives no valid check digit");
        }
        if (check.digit != text.charAt(11) - '0') {
            throw new InvalidInputException("iin", "IIN check digit does not match");
        }
        return new Iin(text, birth, centuryDigit % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Completes the first 11 digits with their check digit; empty when the serial yields 10 twice
     * (such a number is never issued).
     */
    public static Optional<Iin> complete(String firstEleven) {
        if (firstEleven == null || !firstEleven.matches("\\d{11}")) {
            throw new IllegalArgumentException("need exactly 11 digits");
        }
        OptionalCheck check = checkDigit(firstEleven);
        if (check.digit < 0) {
            return Optional.empty();
        }
        return Optional.of(parse(firstEleven + check.digit));
    }

    /** Builds the first 11 digits for a birth date, sex and 4-digit serial. */
    public static String prefix(LocalDate birthDate, Sex sex, int serial) {
        int year = birthDate.getYear();
        if (year < 1800 || year > 2099) {
            throw new IllegalArgumentException("birth year out of IIN range");
        }
        if (serial < 0 || serial > 9999) {
            throw new IllegalArgumentException("serial must be 0..9999");
        }
        int centuryDigit = 1 + 2 * ((year - 1800) / 100) + (sex == Sex.FEMALE ? 1 : 0);
        return String.format("%02d%02d%02d%d%04d", year % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), centuryDigit, serial);
    }

    private record OptionalCheck(int digit) { }

    private static OptionalCheck checkDigit(String firstEleven) {
        int sum = weighted(firstEleven, FIRST_WEIGHTS) % 11;
        if (sum == 10) {
            sum = weighted(firstEleven, SECOND_WEIGHTS) % 11;
            if (sum == 10) {
                return new OptionalCheck(-1);
            }
        }
        return new OptionalCheck(sum);
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** Masked for anything that is not the officer's own screen: first 4 and last 2 digits hidden. */
    public String masked() {
        return "****" + value.substring(4, 10) + "**";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iin other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Deliberately masked so that an IIN never reaches a log by accident. */
    @Override
    public String toString() {
        return "Iin[" + masked() + "]";
    }
}
