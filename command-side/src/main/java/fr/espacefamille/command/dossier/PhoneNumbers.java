package fr.espacefamille.command.dossier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/**
 * Phone numbers as parents and the town's export write them ({@code 06.19.66.48.06},
 * {@code 0790697240}, {@code +33 6 01 53 54 12}), read with libphonenumber, France by default,
 * and written in E.164.
 *
 * <p>A number is accepted when its length is possible for its country. Whether its range is
 * allocated is not checked: the library's ranges lag behind the operators', and refusing a
 * family's real number would be worse than keeping an unusual one.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "FR";
    private static final int MAX_LENGTH = 40;

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it cannot be a phone number. */
    static Optional<String> e164(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(typed, DEFAULT_REGION);
            return PHONES.isPossibleNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** For the import: a number that cannot be read is kept as typed rather than lost. */
    static String e164OrAsTyped(String typed) {
        return typed == null ? null : e164(typed).orElse(typed);
    }
}
