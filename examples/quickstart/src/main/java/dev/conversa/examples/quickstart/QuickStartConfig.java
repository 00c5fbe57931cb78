package dev.conversa.examples.quickstart;

import dev.conversa.lang.Secret;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The quick start's settings: environment variables, or the same keys in an optional properties
 * file ({@code conversa.properties} in the working directory, or the file named by
 * {@code CONVERSA_CONFIG}). The environment wins.
 */
final class QuickStartConfig {

    /** The shortest {@code CONVERSA_API_TOKEN} accepted, in characters. */
    static final int MIN_API_TOKEN_LENGTH = 32;
    /** The shortest {@code CONVERSA_PRIVACY_PEPPER} accepted, in characters (Conversa's own minimum). */
    static final int MIN_PRIVACY_PEPPER_LENGTH = 32;

    private final Map<String, String> environment;
    private final Properties file;

    private QuickStartConfig(Map<String, String> environment, Properties file) {
        this.environment = environment;
        this.file = file;
    }

    static QuickStartConfig load(Map<String, String> environment) throws IOException {
        Path path = Path.of(environment.getOrDefault("CONVERSA_CONFIG", "conversa.properties"));
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return new QuickStartConfig(environment, properties);
    }

    Optional<String> get(String key) {
        String value = environment.get(key);
        if (value == null || value.isBlank()) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    int port() {
        return get("CONVERSA_PORT").map(Integer::parseInt).orElse(8080);
    }

    /**
     * The address to listen on: {@code CONVERSA_HOST} if set; otherwise loopback
     * ({@code 127.0.0.1}) in demo mode, where nothing outside this machine needs to connect, and
     * all interfaces ({@code 0.0.0.0}) with connected accounts, where Meta must reach the webhook.
     */
    String host() {
        return get("CONVERSA_HOST").orElse(demoMode() ? "127.0.0.1" : "0.0.0.0");
    }

    /**
     * The bearer token that guards {@code /api/}, from {@code CONVERSA_API_TOKEN}; empty if unset.
     *
     * @throws IllegalStateException if it is set and shorter than {@value #MIN_API_TOKEN_LENGTH}
     *     characters; the message names the variable, never the value
     */
    Optional<Secret> apiToken() {
        Optional<String> token = get("CONVERSA_API_TOKEN");
        if (token.isPresent() && token.get().length() < MIN_API_TOKEN_LENGTH) {
            throw new IllegalStateException("CONVERSA_API_TOKEN must be at least " + MIN_API_TOKEN_LENGTH
                    + " characters; generate one with: openssl rand -hex 32");
        }
        return token.map(Secret::of);
    }

    /**
     * The privacy pepper, from {@code CONVERSA_PRIVACY_PEPPER}; empty if unset.
     *
     * @throws IllegalStateException if it is set and shorter than {@value #MIN_PRIVACY_PEPPER_LENGTH}
     *     characters; the message names the variable, never the value
     */
    Optional<Secret> privacyPepper() {
        Optional<String> pepper = get("CONVERSA_PRIVACY_PEPPER");
        if (pepper.isPresent() && pepper.get().length() < MIN_PRIVACY_PEPPER_LENGTH) {
            throw new IllegalStateException("CONVERSA_PRIVACY_PEPPER must be at least " + MIN_PRIVACY_PEPPER_LENGTH
                    + " characters; generate one with: openssl rand -hex 32");
        }
        return pepper.map(Secret::of);
    }

    /**
     * The public {@code https://} address of this server (the reverse proxy in front of it), from
     * {@code CONVERSA_PUBLIC_URL} without a trailing slash; empty if unset.
     *
     * @throws IllegalStateException if it is set and does not start with {@code https://}
     */
    Optional<String> publicUrl() {
        Optional<String> url = get("CONVERSA_PUBLIC_URL").map(u -> u.replaceAll("/+$", ""));
        if (url.isPresent() && !url.get().startsWith("https://")) {
            throw new IllegalStateException("CONVERSA_PUBLIC_URL must be an https:// address, such as "
                    + "https://shop.example: Meta shows the deletion status link to the person who asked");
        }
        return url;
    }

    /** The data directory, {@code CONVERSA_DATA_DIR} or {@code ./data}. */
    Path dataDirectory() {
        return Path.of(get("CONVERSA_DATA_DIR").orElse("data"));
    }

    /** Demo mode: no connected account is configured, so the page plays the customers. */
    boolean demoMode() {
        return get("WHATSAPP_PHONE_NUMBER_ID").isEmpty()
                && get("MESSENGER_PAGE_ID").isEmpty()
                && get("INSTAGRAM_ACCOUNT_ID").isEmpty();
    }
}
