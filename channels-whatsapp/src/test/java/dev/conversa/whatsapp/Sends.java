package dev.conversa.whatsapp;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.SendRequest;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds send requests for one business number and one customer. */
final class Sends {

    static final String NUMBER = "106540352242922";
    static final String CUSTOMER = "16315551181";
    static final Secret TOKEN = Secret.of("EAAG-test-token");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final ChannelAccount ACCOUNT = ChannelAccount.of(TenantId.of("acme"), ChannelType.WHATSAPP, NUMBER, TOKEN);
    static final ConversationKey TO = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CUSTOMER);

    private Sends() {}

    static SendRequest request(OutboundContent content) {
        return request(OutboundMessage.of(TO, content));
    }

    static SendRequest request(OutboundMessage message) {
        return new SendRequest(ACCOUNT, message, Optional.of(NOW.minus(Duration.ofMinutes(5))), NOW);
    }

    static SendRequest request(OutboundContent content, Optional<Instant> lastInboundAt) {
        return new SendRequest(ACCOUNT, OutboundMessage.of(TO, content), lastInboundAt, NOW);
    }
}
