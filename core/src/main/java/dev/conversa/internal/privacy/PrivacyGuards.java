package dev.conversa.internal.privacy;

import dev.conversa.privacy.Privacy;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reaches the {@link ErasureGuard} inside a {@link Privacy}, so that webhook intake and the
 * pipeline, given the public {@code Privacy}, keep erased people out with the same guard,
 * without the public API naming the guard.
 *
 * <p><b>Internal:</b> not part of the public API.
 */
public final class PrivacyGuards {

    private static volatile Function<Privacy, ErasureGuard> access;

    private PrivacyGuards() {}

    /**
     * Called once, by {@link Privacy} as its class is initialized.
     *
     * @param guardOf reads a facade's guard
     * @throws IllegalStateException if an access was installed already
     */
    public static synchronized void install(Function<Privacy, ErasureGuard> guardOf) {
        if (access != null) {
            throw new IllegalStateException("the privacy guard access is installed already");
        }
        access = Objects.requireNonNull(guardOf, "guardOf");
    }

    /**
     * The guard of a privacy facade.
     *
     * @param privacy the facade
     * @return its guard
     */
    public static ErasureGuard of(Privacy privacy) {
        Objects.requireNonNull(privacy, "privacy");
        if (access == null) {
            // Privacy's class initializer installs the access; reaching here means it ran already
            throw new IllegalStateException("the privacy guard access is not installed");
        }
        return access.apply(privacy);
    }
}
