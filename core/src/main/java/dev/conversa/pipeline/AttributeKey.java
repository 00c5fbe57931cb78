package dev.conversa.pipeline;

import java.util.Objects;

/**
 * The typed name of a value that middleware attach to a {@link Context} for later steps. Keys
 * are compared by identity: create each one once, as a constant.
 *
 * <pre>{@code
 * static final AttributeKey<String> LANGUAGE = AttributeKey.of("language", String.class);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the value
 */
public final class AttributeKey<T> {

    private final String name;
    private final Class<T> type;

    private AttributeKey(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /**
     * Creates a key.
     *
     * @param name a name for diagnostics
     * @param type the type of the value
     * @param <T> the type of the value
     * @return the key
     * @throws NullPointerException if an argument is null
     */
    public static <T> AttributeKey<T> of(String name, Class<T> type) {
        return new AttributeKey<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
    }

    /**
     * The key's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The type of the value.
     *
     * @return the type
     */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return "AttributeKey[" + name + "]";
    }
}
