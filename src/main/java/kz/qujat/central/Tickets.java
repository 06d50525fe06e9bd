package kz.qujat.central;

/**
 * Registration ticket numbers (R6): a sequence number a person can read out and type, with a Luhn check digit
 * so that a mistyped digit is caught at the counter. Example: {@code Q-0000042-6}.
 */
final class Tickets {
    private Tickets() {
    }

    static String format(long seq) {
        String digits = String.format("%07d", seq);
        return "Q-" + digits + "-" + luhn(digits);
    }

    static int luhn(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }
}
