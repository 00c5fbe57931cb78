package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testsupport.EchoTestChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the outbox checks at send time, after a message waited: who may speak, and whose account it is. */
class OutboxSendGateTest {

    private static final TenantId OTHER_TENANT = TenantId.of("other-shop");

    private final TestBed bed = new TestBed(builder -> builder.responder(request -> Reply.silence()));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void discardsAQueuedBotMessageWhenTheConversationIsClosedBeforeItIsSent() {
        // given: while an agent's message is being sent, a bot message queues behind it and the
        // conversation is closed
        customerWrites("alice");
        AtomicReference<OutboxEntry> queued = new AtomicReference<>();
        AtomicReference<OutboxState> stateWhenClosed = new AtomicReference<>();
        bed.channel.duringNextSend(() -> {
            queued.set(bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Anything else?")));
            bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.CLOSED);
            stateWhenClosed.set(state(queued.get()));
        });

        // when
        bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Your parcel left today.").by(Author.AGENT));

        // then
        await().until(() -> queued.get() != null && isFinished(queued.get()));
        assertThat(stateWhenClosed).hasValue(OutboxState.PENDING);
        OutboxEntry discarded = bed.stores.outbox().find(TENANT, queued.get().id()).orElseThrow();
        assertThat(discarded.state()).isEqualTo(OutboxState.DEAD);
        assertThat(discarded.lastError()).contains(Ownership.TAKEN_OVER);
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("Your parcel left today."));
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10))
                .filteredOn(message -> message.author() == Author.BOT)
                .extracting(MessageRecord::status)
                .containsExactly(DeliveryStatus.FAILED);
    }

    @Test
    void refusesToSendForATenantThroughAnotherTenantsAccount() {
        // given: another tenant's account on the same channel
        bed.conversa.registerAccount(ChannelAccount.of(OTHER_TENANT, EchoTestChannel.TYPE, "acct-other",
                Secret.of("token-of-the-other-shop")));
        ConversationKey throughOtherAccount = new ConversationKey(EchoTestChannel.TYPE, "acct-other", "alice");

        // when
        OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.of(throughOtherAccount,
                new Template("order_update", "en_US", List.of())));

        // then
        await().until(() -> isFinished(entry));
        OutboxEntry refused = bed.stores.outbox().find(TENANT, entry.id()).orElseThrow();
        assertThat(refused.state()).isEqualTo(OutboxState.DEAD);
        assertThat(refused.lastError()).get().asString()
                .contains("no account acct-other is registered for this tenant")
                .doesNotContain("token-of-the-other-shop");
        assertThat(bed.channel.attempts()).isEmpty();
    }

    /** A customer message, so the reply window is open; the silent responder leaves it unanswered. */
    private void customerWrites(String contact) {
        bed.deliver("m-" + contact, contact, "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(conversation -> conversation.lastInboundAt()).isPresent());
    }

    private boolean isFinished(OutboxEntry entry) {
        OutboxState state = state(entry);
        return state != OutboxState.PENDING && state != OutboxState.SENDING;
    }

    private OutboxState state(OutboxEntry entry) {
        return bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().state();
    }
}
