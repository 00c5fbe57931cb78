package dev.conversa.respond;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant knows about one business: its instructions (tone, role, what not to do)
 * and plain-text snippets of business knowledge (opening hours, prices, policies). Both go into
 * the system prompt of every request for that tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * TenantProfile bakery = new TenantProfile(
 *     "You answer for Rosa's Bakery. Be brief and warm.",
 *     List.of("Open 7:00-18:00, closed on Mondays.", "Orders by phone only."));
 * }</pre>
 *
 * @param instructions how the assistant behaves for this business; may be empty for the default
 * @param knowledge facts the assistant may use, one snippet per entry
 */
public record TenantProfile(String instructions, List<String> knowledge) {

    /**
     * Checks the fields and copies the list.
     *
     * @throws NullPointerException if a field or a snippet is null
     */
    public TenantProfile {
        Objects.requireNonNull(instructions, "instructions");
        knowledge = List.copyOf(knowledge);
    }

    /**
     * A profile with instructions only.
     *
     * @param instructions how the assistant behaves
     * @return the profile
     */
    public static TenantProfile of(String instructions) {
        return new TenantProfile(instructions, List.of());
    }

    /**
     * A profile with neither: the assistant uses its default instructions.
     *
     * @return the empty profile
     */
    public static TenantProfile empty() {
        return new TenantProfile("", List.of());
    }

    /** Leaves out the text. */
    @Override
    public String toString() {
        return "TenantProfile[" + instructions.length() + " chars, " + knowledge.size() + " snippets]";
    }
}
