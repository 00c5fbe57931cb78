package dev.conversa.privacy;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Draws confirmation codes: 20 upper-case ASCII letters and digits from a {@link SecureRandom},
 * about 103 bits, so a code cannot be guessed to read another person's request status.
 * Thread-safe.
 */
final class ConfirmationCodes implements Supplier<String> {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int LENGTH = 20;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String get() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
