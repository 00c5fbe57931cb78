package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.SendRequest;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PacingTest {

    private final MutableClock clock = MutableClock.at(Sends.NOW);
    private final RecordingGraph graph = new RecordingGraph(clock);

    @Test
    void keepsABurstOf500SendsUnder80PerSecond() {
        WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance).build();

        for (int i = 0; i < 500; i++) {
            channel.send(toCustomer(Sends.NUMBER, "4915100000" + i), graph);
        }

        assertThat(graph.times).hasSize(500);
        assertThat(mostInAnySecond(graph.times)).isLessThanOrEqualTo(80);
        assertThat(Duration.between(graph.times.get(0), graph.times.get(499)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(499 * 1000 / 80));
    }

    @Test
    void keepsToAConfiguredRate() {
        WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance)
                .messagesPerSecond(20).build();

        for (int i = 0; i < 500; i++) {
            channel.send(toCustomer(Sends.NUMBER, "4915100000" + i), graph);
        }

        assertThat(mostInAnySecond(graph.times)).isLessThanOrEqualTo(20);
    }

    @Test
    void aChangedCopyFromToBuilderLeavesTheOriginalsRateAlone() {
        WhatsAppChannel original = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance)
                .messagesPerSecond(20).build();
        WhatsAppChannel faster = original.toBuilder().messagesPerSecond(80).build();

        for (int i = 0; i < 200; i++) {
            faster.send(toCustomer("111", "4915100000" + i), graph);
        }
        int fasterMost = mostInAnySecond(graph.times.subList(0, 200));
        for (int i = 0; i < 200; i++) {
            original.send(toCustomer("333", "4915300000" + i), graph);
        }

        assertThat(fasterMost).isGreaterThan(20);
        assertThat(mostInAnySecond(graph.times.subList(200, 400))).isLessThanOrEqualTo(20);
    }

    @Test
    void pacesEachBusinessNumberOnItsOwn() {
        WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance)
                .messagesPerSecond(1).build();

        channel.send(toCustomer("111", "491510000001"), graph);
        channel.send(toCustomer("222", "491510000002"), graph);

        assertThat(graph.times).containsExactly(Sends.NOW, Sends.NOW);
    }

    @Test
    void spacesMessagesToOneRecipientAfterTheBurst() {
        WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(clock::advance)
                .pairLimit(3, Duration.ofSeconds(6)).build();

        for (int i = 0; i < 5; i++) {
            channel.send(toCustomer(Sends.NUMBER, Sends.CUSTOMER), graph);
        }

        assertThat(graph.times).extracting(t -> Duration.between(Sends.NOW, t).toMillis())
                .containsExactly(0L, 12L, 25L, 6_000L, 12_000L);
    }

    @Test
    void doesNotWaitWhenSendsAreAlreadySpaced() {
        WhatsAppChannel channel = WhatsAppChannel.builder().clock(clock).sleeper(d -> {
            throw new AssertionError("waited " + d);
        }).build();

        for (int i = 0; i < 20; i++) {
            channel.send(toCustomer(Sends.NUMBER, Sends.CUSTOMER), graph);
            clock.advance(Duration.ofSeconds(6));
        }

        assertThat(graph.times).hasSize(20);
    }

    private static SendRequest toCustomer(String number, String customer) {
        ChannelAccount account = ChannelAccount.of(TenantId.of("acme"), ChannelType.WHATSAPP, number, Sends.TOKEN);
        OutboundMessage message = OutboundMessage.text(new ConversationKey(ChannelType.WHATSAPP, number, customer), "hi");
        return new SendRequest(account, message, Optional.of(Sends.NOW), Sends.NOW);
    }

    private static int mostInAnySecond(List<Instant> times) {
        int most = 0;
        for (int i = 0; i < times.size(); i++) {
            Instant end = times.get(i).plusSeconds(1);
            int count = 0;
            for (int j = i; j < times.size() && times.get(j).isBefore(end); j++) {
                count++;
            }
            most = Math.max(most, count);
        }
        return most;
    }
}
