package dev.aspace.cli;

/**
 * {@code free -s N} and {@code -c N} read as procps-ng 4.0.2 reads them (its strtod_nol_or_err
 * and strtol_or_err), with its messages: a delay in decimal seconds with '.' or ',' and no
 * exponent, and a count that is a whole number of at least 1.
 */
final class FreeRepeat {

    private FreeRepeat() {
    }

    /**
     * The delay in microseconds, as procps computes it.
     *
     * @throws IllegalArgumentException with procps' message when it is not a positive number
     */
    static long seconds(String text) {
        double v = decimal(text);
        double micros = 1_000_000 * v;
        if (micros < 1) {
            throw new IllegalArgumentException("seconds argument `" + text + "' is not positive number");
        }
        return (long) micros;
    }

    /**
     * The count.
     *
     * @throws IllegalArgumentException with procps' message when it is not a whole number of at least 1
     */
    static int count(String text) {
        long n;
        try {
            n = Long.parseLong(text.strip().startsWith("+") ? text.strip().substring(1) : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse count argument: '" + text + "'");
        }
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("failed to parse count argument: '" + text
                    + "': Numerical result out of range");
        }
        return (int) n;
    }

    /** strtod_nol_or_err: sign, digits, then '.' or ',' and digits; nothing else. */
    private static double decimal(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        String whole = text.substring(start, i);
        String fraction = "";
        if (i < n) {
            if (text.charAt(i) != '.' && text.charAt(i) != ',') {
                throw invalid(text);
            }
            int f = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i < n) {
                throw invalid(text);
            }
            fraction = text.substring(f, i);
        }
        if (text.isEmpty()) {
            throw invalid(text);
        }
        double v = Double.parseDouble((whole.isEmpty() ? "0" : whole) + "." + (fraction.isEmpty() ? "0" : fraction));
        return negative ? -v : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("seconds argument failed: '" + text + "': Invalid argument");
    }
}
