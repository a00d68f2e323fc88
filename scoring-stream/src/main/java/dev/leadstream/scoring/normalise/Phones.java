package dev.leadstream.scoring.normalise;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** Phone numbers as valid E.164, read in the lead's country where they are written nationally. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    public static Optional<String> e164(String raw, String country) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, country == null ? "ZZ" : country);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The country a number in E.164 belongs to, or null. */
    public static String countryOf(String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            return region == null || region.equals("ZZ") ? null : region;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
