package fr.espacefamille.command.dossier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as parents and the town's export write them ({@code 06.19.66.48.06},
 * {@code 0790697240}, {@code +33 6 01 53 54 12}), read with libphonenumber, France by default,
 * and written in E.164.
 *
 * <p>Only digits and the usual separators are read: libphonenumber would turn letters into
 * digits (as on a keypad), and a typo would become another family's number. A number needs a
 * length possible for its country, and a French one the shape of the French numbering plan
 * ({@code 00 00 00 00 00} has not). Whether its range is allocated is not checked: the
 * library's ranges lag behind the operators' (the export has {@code 07 13…} numbers it does not
 * know yet), and refusing a family's real number would be worse than keeping an unusual one.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "FR";
    private static final int MAX_LENGTH = 40;
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9 .\\-()/\\u00a0]+");
    private static final int FRANCE = 33;

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it cannot be a phone number. */
    static Optional<String> e164(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH
                || !TYPED.matcher(typed.strip()).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(typed, DEFAULT_REGION);
            boolean acceptable = PHONES.isPossibleNumber(number)
                    && (number.getCountryCode() != FRANCE || isFrenchNumbering(number));
            return acceptable
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Nine digits after the country code, the first of them 1 to 9: the French numbering plan's
     * shape, which no typo of zeros fits. The operators' ranges within it are not checked.
     */
    private static boolean isFrenchNumbering(PhoneNumber number) {
        String national = PHONES.getNationalSignificantNumber(number);
        return national.length() == 9 && national.charAt(0) != '0';
    }
}
