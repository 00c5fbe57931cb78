package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer played one of the business's Instant Games (Messenger's {@code game_play}).
 *
 * @param header where, who, which id, when
 * @param gameId the game's app id
 * @param playerId the player's id in the game, when sent
 * @param contextType where it was played ({@code "SOLO"}, {@code "THREAD"}, {@code "GROUP"}),
 *     when sent
 * @param contextId the context's id, when sent
 * @param payload what the game passed on, when sent
 */
public record GamePlay(EventHeader header, String gameId, Optional<String> playerId, Optional<String> contextType,
        Optional<String> contextId, Optional<String> payload) implements InboundEvent {

    /** Checks the fields are not null. */
    public GamePlay {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(gameId, "gameId");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(contextType, "contextType");
        Objects.requireNonNull(contextId, "contextId");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String kind() {
        return "game_play";
    }
}
