package dev.conversa.agent;

import dev.conversa.model.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Menu choices that hand a conversation to a queue: when the customer taps a button, list row,
 * quick reply or postback whose id is mapped here, and the bot holds the conversation, it goes
 * to that queue at once, without asking the responder. Choices are set for every tenant, and a
 * tenant's own choice of the same id replaces it for that tenant.
 *
 * <pre>{@code
 * HandoffMenu menu = HandoffMenu.builder()
 *         .choice("talk_to_sales", "sales")
 *         .tenant(TenantId.of("acme"), "talk_to_support", "acme-support")
 *         .build();
 * Conversa.builder().handoffMenu(menu);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HandoffMenu {

    private final Map<String, String> choices;
    private final Map<TenantId, Map<String, String>> tenants;

    private HandoffMenu(Builder builder) {
        this.choices = Map.copyOf(builder.choices);
        Map<TenantId, Map<String, String>> perTenant = new LinkedHashMap<>();
        builder.tenants.forEach((tenant, own) -> perTenant.put(tenant, Map.copyOf(own)));
        this.tenants = Map.copyOf(perTenant);
    }

    /**
     * Starts an empty menu.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these choices.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        choices.forEach(builder::choice);
        tenants.forEach((tenant, own) -> own.forEach((id, queue) -> builder.tenant(tenant, id, queue)));
        return builder;
    }

    /**
     * The queue a menu choice hands the conversation to.
     *
     * @param tenant the business
     * @param replyId the id of the element the customer tapped ({@code InteractiveReply.id()})
     * @return the queue's id: the tenant's own choice, or else every tenant's; empty if the id
     *     is no handoff
     */
    public Optional<String> queueFor(TenantId tenant, String replyId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(replyId, "replyId");
        String own = tenants.getOrDefault(tenant, Map.of()).get(replyId);
        return Optional.ofNullable(own != null ? own : choices.get(replyId));
    }

    @Override
    public String toString() {
        return "HandoffMenu[choices=" + choices.size() + ", tenants=" + tenants.size() + "]";
    }

    /** Collects menu choices. Not thread-safe. */
    public static final class Builder {

        private final Map<String, String> choices = new LinkedHashMap<>();
        private final Map<TenantId, Map<String, String>> tenants = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Maps a menu choice to a queue for every tenant.
         *
         * @param replyId the id of the button, row, quick reply or postback, as the business set it
         * @param queue the queue's id
         * @return this builder
         * @throws IllegalArgumentException if the reply id is blank or the queue id malformed
         */
        public Builder choice(String replyId, String queue) {
            choices.put(checkReplyId(replyId), AgentIds.check(queue, "queue"));
            return this;
        }

        /**
         * Maps a menu choice to a queue for one tenant, replacing every tenant's choice of that id.
         *
         * @param tenant the business
         * @param replyId the id of the button, row, quick reply or postback
         * @param queue the queue's id
         * @return this builder
         * @throws IllegalArgumentException if the reply id is blank or the queue id malformed
         */
        public Builder tenant(TenantId tenant, String replyId, String queue) {
            tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new LinkedHashMap<>())
                    .put(checkReplyId(replyId), AgentIds.check(queue, "queue"));
            return this;
        }

        /**
         * Builds the menu.
         *
         * @return the menu
         */
        public HandoffMenu build() {
            return new HandoffMenu(this);
        }

        private static String checkReplyId(String replyId) {
            Objects.requireNonNull(replyId, "replyId");
            if (replyId.isBlank()) {
                throw new IllegalArgumentException("replyId must not be blank");
            }
            return replyId;
        }
    }
}
