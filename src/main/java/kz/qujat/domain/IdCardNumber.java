package kz.qujat.domain;

/** Number of a Kazakh identity card: 9 digits. */
public record IdCardNumber(String value) {
    public IdCardNumber {
        if (value == null || !value.matches("\\d{9}")) {
            throw new InvalidInputException("currentDocument.number", "document number must be exactly 9 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
