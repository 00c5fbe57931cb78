package dev.conversa.agent;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks the ids of agents and queues: 1 to 100 letters, digits or {@code _ . : -}. */
final class AgentIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private AgentIds() {}

    static String check(String id, String name) {
        Objects.requireNonNull(id, name);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(name + " must be 1 to 100 letters, digits or _ . : -");
        }
        return id;
    }
}
