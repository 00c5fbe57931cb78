package dev.conversa;

import static dev.conversa.TestBed.ACCOUNT;
import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.Agent;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffMenu;
import dev.conversa.agent.Presence;
import dev.conversa.conversation.StateChange;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.MessageContext;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routing by menu: a tap on a menu choice mapped to a queue hands the conversation to that queue
 * at once, without the responder; a tenant's own mapping replaces every tenant's.
 */
class MenuRoutingTest {

    private final AtomicInteger responderCalls = new AtomicInteger();
    private final List<StateChange> heard = new CopyOnWriteArrayList<>();
    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> {
                responderCalls.incrementAndGet();
                return Reply.text("bot: " + request.latestText());
            })
            .handoffMenu(HandoffMenu.builder().choice("talk_sales", "sales").choice("talk_support", "support")
                    .tenant(TENANT, "talk_support", "vip-support").tenant(TenantId.of("other"), "talk_sales", "x")
                    .build())
            .stateListener(heard::add));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    private void taps(String contact, String eventId, String replyId) {
        InboundMessage tap = new InboundMessage(new EventHeader(bed.channel.type(), ACCOUNT, contact, eventId,
                bed.clock.instant()), new InteractiveReply(ReplyKind.BUTTON, replyId, Optional.of("Talk to us"),
                Optional.empty(), Optional.empty()), MessageContext.NONE, SenderProfile.UNKNOWN);
        bed.stores.inbox().append(TENANT, List.of(tap), bed.clock.instant());
    }

    @Test
    void aMenuChoiceMappedToAQueueHandsTheConversationThereWithoutTheResponder() {
        taps("alice", "tap-1", "talk_sales");

        await().until(() -> bed.conversa.agents().assignment(TENANT, key("alice")).isPresent());
        bed.clock.advance(Duration.ofSeconds(5));
        bed.awaitIdle();

        assertThat(bed.conversa.agents().waiting(TENANT, "sales", 10)).singleElement().satisfies(waiting -> {
            assertThat(waiting.conversation()).isEqualTo(key("alice"));
            assertThat(waiting.reason()).isEqualTo(MenuHandoff.REASON);
        });
        assertThat(bed.conversa.conversations().find(TENANT, key("alice")).orElseThrow().state())
                .isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(responderCalls).hasValue(0);
        assertThat(bed.channel.sent(Text.class)).isEmpty();
        assertThat(heard).extracting(StateChange::from, StateChange::to)
                .containsExactly(tuple(ConversationState.BOT, ConversationState.WAITING_FOR_AGENT));
    }

    @Test
    void aTenantsOwnChoiceReplacesEveryTenantsChoice() {
        taps("alice", "tap-1", "talk_support");

        await().until(() -> bed.conversa.agents().assignment(TENANT, key("alice")).isPresent());

        assertThat(bed.conversa.agents().assignment(TENANT, key("alice"))).map(Assignment::queue)
                .contains("vip-support");
    }

    @Test
    void aChoiceNotMappedGoesToTheResponderAsUsual() {
        taps("alice", "tap-1", "show_prices");

        await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                .flatMap(c -> c.replyDueAt()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));
        await().until(() -> !bed.channel.sent(Text.class).isEmpty());

        assertThat(responderCalls).hasValue(1);
        assertThat(bed.conversa.agents().assignment(TENANT, key("alice"))).isEmpty();
    }

    @Test
    void aMenuChoiceWhileAnAgentHoldsTheConversationChangesNothing() {
        Agents agents = bed.conversa.agents();
        agents.save(Agent.builder().tenant(TENANT).id("ana").displayName("Ana").queue("sales")
                .presence(Presence.ONLINE).build());
        taps("alice", "tap-1", "talk_sales");
        await().until(() -> agents.assignment(TENANT, key("alice")).isPresent());
        agents.claim(TENANT, key("alice"), "ana");
        heard.clear();

        taps("alice", "tap-2", "talk_support");
        bed.clock.advance(Duration.ofSeconds(5));
        bed.awaitIdle();

        ConversationKey alice = key("alice");
        assertThat(agents.assignment(TENANT, alice).orElseThrow().agent()).contains("ana");
        assertThat(agents.assignment(TENANT, alice).orElseThrow().queue()).isEqualTo("sales");
        assertThat(heard).isEmpty();
    }
}
