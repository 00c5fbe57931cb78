package dev.conversa.model;

import java.util.Objects;

/** Argument checks shared by the model's records. */
final class Ids {

    private Ids() {}

    static String requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
