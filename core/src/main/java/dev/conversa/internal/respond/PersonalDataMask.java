package dev.conversa.internal.respond;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces e-mail addresses and phone numbers in text sent to the model by {@code [email]} and
 * {@code [phone]}. A phone number is a run of digits with optional spaces, dots, dashes and
 * brackets holding 9 to 15 digits, or 7 to 15 after a leading {@code +}; shorter runs (dates,
 * prices, most order numbers) are left alone.
 */
final class PersonalDataMask {

    static final PersonalDataMask OFF = new PersonalDataMask(false);
    static final PersonalDataMask ON = new PersonalDataMask(true);

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");

    private final boolean enabled;

    private PersonalDataMask(boolean enabled) {
        this.enabled = enabled;
    }

    String apply(String text) {
        if (!enabled) {
            return text;
        }
        String withoutEmails = EMAIL.matcher(text).replaceAll("[email]");
        return maskPhones(withoutEmails);
    }

    private static String maskPhones(String text) {
        Matcher matcher = PHONE_CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String candidate = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(isPhone(candidate) ? "[phone]" : candidate));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean isPhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        int least = candidate.startsWith("+") ? 7 : 9;
        return digits >= least && digits <= 15;
    }
}
