package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.Buttons;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Choice;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.testkit.GraphStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Compiles and runs the example of channels-whatsapp/README.md; keep the two in sync. */
class ReadmeExampleTest {

    @Test
    void readmeExampleSendsReplyButtons() {
        try (GraphStandIn standIn = GraphStandIn.start()) {
            GraphClient graph = GraphClient.builder().baseUrl(standIn.baseUrl()).build();
            String phoneNumberId = "106540352242922";
            String accessToken = "EAAG-example";
            Instant lastInboundAt = Instant.now().minus(Duration.ofMinutes(3));

            // README example starts
            WhatsAppChannel whatsapp = WhatsAppChannel.builder()
                    .messagesPerSecond(80)                    // Meta's default throughput per number
                    .pairLimit(10, Duration.ofSeconds(6))     // spacing of messages to one person
                    .build();

            ChannelAccount account = ChannelAccount.of(TenantId.of("rosas-bakery"), ChannelType.WHATSAPP,
                    phoneNumberId, Secret.of(accessToken));
            ConversationKey customer = new ConversationKey(ChannelType.WHATSAPP, phoneNumberId, "16315551181");
            OutboundMessage buttons = OutboundMessage.of(customer, new Buttons("Pick up or delivery?",
                    List.of(new Choice("pickup", "Pick up"), new Choice("delivery", "Delivery"))));
            String next;
            try {
                SendResult sent = whatsapp.send(
                        new SendRequest(account, buttons, Optional.of(lastInboundAt), Instant.now()), graph);
                next = "match status webhooks to " + sent.messageId().orElseThrow();
            } catch (WhatsAppException e) {
                next = e.error() == WhatsAppError.OUTSIDE_WINDOW ? "send an approved template instead"
                        : e.isRetryable() ? "retry later" : "give up: " + e.error();
            }
            // README example ends

            assertThat(next).startsWith("match status webhooks to wamid.");
        }
    }
}
