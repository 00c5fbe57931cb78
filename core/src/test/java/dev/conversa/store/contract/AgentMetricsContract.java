package dev.conversa.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.Conversa;
import dev.conversa.agent.Agent;
import dev.conversa.agent.AgentMetrics;
import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Presence;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The manager's metrics on a scripted day of a tenant, on a fake clock: four customers, one
 * answered by the bot alone, two handed to agents (one of them transferred between queues) and
 * one still waiting at noon. The day is played through one {@link Conversa} and measured by
 * another on the same stores, as a second instance or a restarted one would.
 */
public abstract class AgentMetricsContract extends StoreContract {

    private static final TenantId SHOP = TenantId.of("shop");
    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private static final ConversationKey ANN = new ConversationKey(ChannelType.WHATSAPP, "wa-1", "ann");
    private static final ConversationKey BEN = new ConversationKey(ChannelType.WHATSAPP, "wa-1", "ben");
    private static final ConversationKey CID = new ConversationKey(ChannelType.MESSENGER, "page-1", "cid");
    private static final ConversationKey DAN = new ConversationKey(ChannelType.MESSENGER, "page-1", "dan");
    private static final ConversationKey ZOE = new ConversationKey(ChannelType.WHATSAPP, "wa-1", "zoe");

    private final AtomicInteger ids = new AtomicInteger();

    private Conversa instance() {
        return Conversa.builder().appSecret(Secret.of("app-secret")).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).stores(stores).clock(clock).graphClient(new AcceptingGraph()).build();
    }

    private void at(String time) {
        clock.set(Instant.parse("2026-01-05T" + time + ":00Z"));
    }

    private void writes(ConversationKey conversation, Author author) {
        stores.conversations().getOrOpen(SHOP, conversation, clock.instant());
        Direction direction = author == Author.CUSTOMER ? Direction.INBOUND : Direction.OUTBOUND;
        stores.messages().append(new MessageRecord(SHOP, conversation, "m-" + ids.incrementAndGet(), direction, author,
                "text", Optional.of("..."), DeliveryStatus.DELIVERED, clock.instant()));
    }

    @BeforeEach
    void playTheDay() {
        Conversa day = instance();
        day.agents().saveQueue(AgentQueue.of(SHOP, "support", "Support").asDefault());
        day.agents().saveQueue(AgentQueue.of(SHOP, "sales", "Sales"));
        day.agents().save(Agent.builder().tenant(SHOP).id("ana").displayName("Ana").queue("support").queue("sales")
                .presence(Presence.ONLINE).maxConversations(3).build());
        day.agents().save(Agent.builder().tenant(SHOP).id("bea").displayName("Bea").queue("support")
                .presence(Presence.ONLINE).maxConversations(3).build());
        clock.set(MIDNIGHT.minusSeconds(60));
        writes(ZOE, Author.CUSTOMER);

        at("09:00");
        writes(ANN, Author.CUSTOMER);
        at("09:01");
        writes(ANN, Author.BOT);

        at("09:10");
        writes(BEN, Author.CUSTOMER);
        writes(BEN, Author.BOT);
        at("09:11");
        day.conversations().changeState(SHOP, BEN, ConversationState.WAITING_FOR_AGENT);
        at("09:15");
        day.agents().claim(SHOP, BEN, "ana").orElseThrow();
        at("09:17");
        writes(BEN, Author.AGENT);
        at("09:30");
        day.agents().release(SHOP, BEN, "ana");

        at("10:00");
        writes(CID, Author.CUSTOMER);
        at("10:01");
        day.conversations().changeState(SHOP, CID, ConversationState.WAITING_FOR_AGENT);
        at("10:05");
        day.agents().claim(SHOP, CID, "bea").orElseThrow();
        at("10:06");
        day.agents().transferToQueue(SHOP, CID, "sales", "bea").orElseThrow();
        at("10:16");
        day.agents().claim(SHOP, CID, "ana").orElseThrow();
        at("10:20");
        writes(CID, Author.AGENT);
        writes(CID, Author.AGENT);
        at("10:40");
        day.agents().close(SHOP, CID, "ana");

        at("11:00");
        writes(DAN, Author.CUSTOMER);
        at("11:01");
        day.conversations().changeState(SHOP, DAN, ConversationState.WAITING_FOR_AGENT);
        at("12:00");
    }

    private AgentMetrics today() {
        return instance().agents().metrics(SHOP, MIDNIGHT, MIDNIGHT.plus(Duration.ofDays(1)));
    }

    @Test
    void queueWaitCountsEveryWaitThatEndedWithAnAgent() {
        assertThat(today().queueWait()).isEqualTo(new AgentMetrics.Timing(3, Duration.ofMinutes(6),
                Duration.ofMinutes(10)));
    }

    @Test
    void firstResponseRunsFromTheHandoffToTheFirstAgentMessage() {
        assertThat(today().firstResponse()).isEqualTo(new AgentMetrics.Timing(2, Duration.ofSeconds(750),
                Duration.ofMinutes(19)));
    }

    @Test
    void resolutionRunsFromTheHandoffToReleaseOrClose() {
        assertThat(today().resolution()).isEqualTo(new AgentMetrics.Timing(2, Duration.ofMinutes(29),
                Duration.ofMinutes(39)));
    }

    @Test
    void queuesShowWhatWaitsNowAndForHowLong() {
        assertThat(today().queues()).containsExactly(
                new AgentMetrics.QueueNow("sales", 0, Optional.empty()),
                new AgentMetrics.QueueNow("support", 1, Optional.of(Duration.ofMinutes(59))));
    }

    @Test
    void conversationsPerAgentCountEachConversationAnAgentGot() {
        assertThat(today().conversationsPerAgent()).containsExactly(Map.entry("ana", 2), Map.entry("bea", 1));
    }

    @Test
    void messagesPerChannelCountTheDaysMessagesOfEveryAuthor() {
        assertThat(today().messagesPerChannel()).containsExactly(Map.entry("messenger", 4), Map.entry("whatsapp", 5));
    }

    @Test
    void theBotResolvedOneOfFourConversationsAndThreeWereHandedOff() {
        AgentMetrics today = today();

        assertThat(today.conversations()).isEqualTo(4);
        assertThat(today.handedOff()).isEqualTo(3);
        assertThat(today.botResolved()).isEqualTo(1);
        assertThat(today.takenAt()).isEqualTo(Instant.parse("2026-01-05T12:00:00Z"));
    }

    @Test
    void aPeriodBeforeTheDayHasOnlyItsOwnMessage() {
        AgentMetrics yesterday = instance().agents().metrics(SHOP, MIDNIGHT.minus(Duration.ofDays(1)), MIDNIGHT);

        assertThat(yesterday.messagesPerChannel()).containsExactly(Map.entry("whatsapp", 1));
        assertThat(yesterday.conversations()).isEqualTo(1);
        assertThat(yesterday.handedOff()).isZero();
        assertThat(yesterday.queueWait()).isEqualTo(AgentMetrics.Timing.NONE);
        assertThat(yesterday.conversationsPerAgent()).isEmpty();
    }
}
