package dev.conversa.pipeline;

import dev.conversa.model.Echo;
import java.util.Optional;

/**
 * Recognizes the echo of a message this library sent even before the outbox recorded the
 * channel's id for it (the echo webhook can overtake that step): the echo carries
 * {@link Pipeline#ECHO_METADATA} as metadata, or names our Meta app as its sender.
 *
 * @param appId our Meta app id, when configured
 */
record OwnEchoes(Optional<String> appId) {

    boolean isMarkedOurs(Echo echo) {
        return echo.metadata().filter(Pipeline.ECHO_METADATA::equals).isPresent()
                || appId.isPresent() && appId.equals(echo.appId());
    }
}
