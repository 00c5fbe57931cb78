package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Author;
import dev.conversa.store.MessageMark;
import dev.conversa.store.MessageStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link MessageStore}: idempotent appends, forward-only status, history. */
public abstract class MessageStoreContract extends StoreContract {

    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");
    private static final ChannelType WA = ChannelType.WHATSAPP;

    private MessageStore messages() {
        return stores.messages();
    }

    @Test
    void appendedMessageIsFoundByItsId() {
        MessageRecord message = record(TENANT_A, ANNA, "wamid.1", now());

        assertThat(messages().append(message)).isTrue();

        assertThat(messages().find(TENANT_A, WA, "wamid.1")).contains(message);
    }

    @Test
    void appendingTheSameIdAgainKeepsTheFirstMessage() {
        MessageRecord first = record(TENANT_A, ANNA, "wamid.1", now());
        messages().append(first);

        boolean added = messages().append(record(TENANT_A, ANNA, "wamid.1", inSeconds(5)).withStatus(DeliveryStatus.READ));

        assertThat(added).isFalse();
        assertThat(messages().find(TENANT_A, WA, "wamid.1")).contains(first);
    }

    @Test
    void anAgentsMessageKeepsTheAgentsIdThroughRenameEditAndStatus() {
        MessageRecord plain = record(TENANT_A, ANNA, "outbox:9", now());
        MessageRecord byAgent = new MessageRecord(plain.tenant(), plain.conversation(), plain.messageId(),
                dev.conversa.model.Direction.OUTBOUND, dev.conversa.model.Author.AGENT, "text",
                Optional.of("Hello"), DeliveryStatus.PENDING, plain.timestamp(), Optional.of("ana"));
        messages().append(byAgent);
        messages().append(record(TENANT_A, ANNA, "wamid.2", inSeconds(1)));

        messages().rename(TENANT_A, WA, "outbox:9", List.of("wamid.9"));
        messages().updateStatus(TENANT_A, WA, "wamid.9", DeliveryStatus.SENT);
        messages().edit(TENANT_A, WA, "wamid.9", "text", Optional.of("Hello again"));

        assertThat(messages().find(TENANT_A, WA, "wamid.9")).hasValueSatisfying(found -> {
            assertThat(found.agent()).contains("ana");
            assertThat(found.author()).isEqualTo(dev.conversa.model.Author.AGENT);
            assertThat(found.status()).isEqualTo(DeliveryStatus.SENT);
        });
        assertThat(messages().find(TENANT_A, WA, "wamid.2").orElseThrow().agent()).isEmpty();
        assertThat(messages().history(TENANT_A, ANNA, 10)).extracting(MessageRecord::agent)
                .containsExactlyInAnyOrder(Optional.of("ana"), Optional.empty());
    }

    @Test
    void theSameIdInAnotherTenantOrChannelIsAnotherMessage() {
        messages().append(record(TENANT_A, ANNA, "mid.1", now()));

        assertThat(messages().append(record(TENANT_B, ANNA, "mid.1", now()))).isTrue();
        ConversationKey onMessenger = new ConversationKey(ChannelType.MESSENGER, "page-1", "psid-1");
        assertThat(messages().append(record(TENANT_A, onMessenger, "mid.1", now()))).isTrue();
    }

    @Test
    void findIsScopedByTenantAndChannel() {
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()));

        assertThat(messages().find(TENANT_B, WA, "wamid.1")).isEmpty();
        assertThat(messages().find(TENANT_A, ChannelType.MESSENGER, "wamid.1")).isEmpty();
    }

    @Test
    void updateStatusMovesTheStatusForward() {
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()).withStatus(DeliveryStatus.SENT));

        assertThat(messages().updateStatus(TENANT_A, WA, "wamid.1", DeliveryStatus.READ)).isTrue();

        assertThat(messages().find(TENANT_A, WA, "wamid.1").orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void updateStatusNeverMovesTheStatusBack() {
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()).withStatus(DeliveryStatus.READ));

        assertThat(messages().updateStatus(TENANT_A, WA, "wamid.1", DeliveryStatus.DELIVERED)).isFalse();
        assertThat(messages().updateStatus(TENANT_A, WA, "wamid.1", DeliveryStatus.READ)).isFalse();

        assertThat(messages().find(TENANT_A, WA, "wamid.1").orElseThrow().status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void updateStatusOfAnUnknownMessageChangesNothing() {
        assertThat(messages().updateStatus(TENANT_A, WA, "wamid.404", DeliveryStatus.READ)).isFalse();
    }

    @Test
    void updateStatusFromAnotherTenantChangesNothing() {
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()).withStatus(DeliveryStatus.SENT));

        assertThat(messages().updateStatus(TENANT_B, WA, "wamid.1", DeliveryStatus.READ)).isFalse();

        assertThat(messages().find(TENANT_A, WA, "wamid.1").orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void appendNotBeforeLatestRecordsAMessageBehindTheLatestAtTheLatestsTime() {
        messages().append(record(TENANT_A, ANNA, "wamid.reply", inSeconds(5)));

        assertThat(messages().appendNotBeforeLatest(record(TENANT_A, ANNA, "wamid.late", inSeconds(2)))).isTrue();
        assertThat(messages().appendNotBeforeLatest(record(TENANT_A, ANNA, "wamid.next", inSeconds(9)))).isTrue();
        assertThat(messages().appendNotBeforeLatest(record(TENANT_A, ANNA, "wamid.late", inSeconds(30))))
                .as("already there").isFalse();
        assertThat(messages().appendNotBeforeLatest(record(TENANT_A, BOB, "wamid.bob", inSeconds(1)))).isTrue();
        assertThat(messages().appendNotBeforeLatest(record(TENANT_B, ANNA, "wamid.other", inSeconds(1)))).isTrue();

        assertThat(messages().history(TENANT_A, ANNA, 10))
                .extracting(MessageRecord::messageId, MessageRecord::timestamp)
                .containsExactly(tuple("wamid.reply", inSeconds(5)),
                        tuple("wamid.late", inSeconds(5)),
                        tuple("wamid.next", inSeconds(9)));
        assertThat(messages().find(TENANT_A, WA, "wamid.bob").orElseThrow().timestamp()).isEqualTo(inSeconds(1));
        assertThat(messages().find(TENANT_B, WA, "wamid.other").orElseThrow().timestamp()).isEqualTo(inSeconds(1));
    }

    @Test
    void renameGivesTheMessageTheChannelsId() {
        MessageRecord provisional = record(TENANT_A, ANNA, "outbox:7", now());
        messages().append(provisional);

        assertThat(messages().rename(TENANT_A, WA, "outbox:7", List.of("wamid.7"))).isTrue();

        assertThat(messages().find(TENANT_A, WA, "outbox:7")).isEmpty();
        MessageRecord renamed = messages().find(TENANT_A, WA, "wamid.7").orElseThrow();
        assertThat(renamed.messageId()).isEqualTo("wamid.7");
        assertThat(renamed.text()).isEqualTo(provisional.text());
        assertThat(renamed.timestamp()).isEqualTo(provisional.timestamp());
    }

    @Test
    void renameOfAMissingMessageOrFromAnotherTenantReturnsFalse() {
        messages().append(record(TENANT_A, ANNA, "outbox:7", now()));

        assertThat(messages().rename(TENANT_A, WA, "outbox:8", List.of("wamid.8"))).isFalse();
        assertThat(messages().rename(TENANT_B, WA, "outbox:7", List.of("wamid.7"))).isFalse();
        assertThat(messages().find(TENANT_A, WA, "outbox:7")).isPresent();
    }

    @Test
    void editReplacesKindAndText() {
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()));

        assertThat(messages().edit(TENANT_A, WA, "wamid.1", "text", Optional.of("corrected"))).isTrue();

        MessageRecord edited = messages().find(TENANT_A, WA, "wamid.1").orElseThrow();
        assertThat(edited.kind()).isEqualTo("text");
        assertThat(edited.text()).contains("corrected");
    }

    @Test
    void editOfAMissingMessageOrFromAnotherTenantReturnsFalse() {
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()));

        assertThat(messages().edit(TENANT_A, WA, "wamid.2", "text", Optional.of("x"))).isFalse();
        assertThat(messages().edit(TENANT_B, WA, "wamid.1", "image", Optional.empty())).isFalse();
        assertThat(messages().find(TENANT_A, WA, "wamid.1").orElseThrow().kind()).isEqualTo("text");
    }

    @Test
    void historyReturnsTheNewestMessagesInTimeOrder() {
        messages().append(record(TENANT_A, ANNA, "m3", inSeconds(3)));
        messages().append(record(TENANT_A, ANNA, "m1", inSeconds(1)));
        messages().append(record(TENANT_A, ANNA, "m4", inSeconds(4)));
        messages().append(record(TENANT_A, ANNA, "m2", inSeconds(2)));

        assertThat(messages().history(TENANT_A, ANNA, 3)).extracting(MessageRecord::messageId)
                .containsExactly("m2", "m3", "m4");
        assertThat(messages().history(TENANT_A, ANNA, 10)).hasSize(4);
        assertThat(messages().history(TENANT_A, ANNA, 0)).isEmpty();
    }

    @Test
    void historyKeepsAppendOrderForTheSameTimestamp() {
        messages().append(record(TENANT_A, ANNA, "m1", now()));
        messages().append(record(TENANT_A, ANNA, "m2", now()));
        messages().append(record(TENANT_A, ANNA, "m3", now()));

        assertThat(messages().history(TENANT_A, ANNA, 10)).extracting(MessageRecord::messageId)
                .containsExactly("m1", "m2", "m3");
    }

    @Test
    void historyHoldsOnlyThatConversationOfThatTenant() {
        messages().append(record(TENANT_A, ANNA, "m1", now()));
        messages().append(record(TENANT_A, BOB, "m2", now()));
        messages().append(record(TENANT_B, ANNA, "m3", now()));

        assertThat(messages().history(TENANT_A, ANNA, 10)).extracting(MessageRecord::messageId)
                .containsExactly("m1");
    }

    @Test
    void historyRejectsANegativeLimit() {
        assertThatThrownBy(() -> messages().history(TENANT_A, ANNA, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesOneMessageOfItsTenantOnly() {
        messages().append(record(TENANT_A, ANNA, "m1", now()));

        assertThat(messages().delete(TENANT_B, WA, "m1")).isFalse();
        assertThat(messages().delete(TENANT_A, WA, "m1")).isTrue();
        assertThat(messages().delete(TENANT_A, WA, "m1")).isFalse();
        assertThat(messages().find(TENANT_A, WA, "m1")).isEmpty();
    }

    @Test
    void deleteConversationRemovesOnlyThatConversationOfThatTenant() {
        messages().append(record(TENANT_A, ANNA, "m1", now()));
        messages().append(record(TENANT_A, ANNA, "m2", now()));
        messages().append(record(TENANT_A, BOB, "m3", now()));
        messages().append(record(TENANT_B, ANNA, "m4", now()));

        assertThat(messages().deleteConversation(TENANT_A, ANNA)).isEqualTo(2);

        assertThat(messages().history(TENANT_A, ANNA, 10)).isEmpty();
        assertThat(messages().history(TENANT_A, BOB, 10)).hasSize(1);
        assertThat(messages().history(TENANT_B, ANNA, 10)).hasSize(1);
    }

    @Test
    void renameOntoAnIdAlreadyStoredKeepsOneMessageWithTheFurthestStatus() {
        MessageRecord provisional = record(TENANT_A, ANNA, "outbox:7", now()).withStatus(DeliveryStatus.SENT);
        messages().append(provisional);
        messages().append(record(TENANT_A, ANNA, "wamid.7", inSeconds(1)).withStatus(DeliveryStatus.DELIVERED));

        assertThat(messages().rename(TENANT_A, WA, "outbox:7", List.of("wamid.7"))).isTrue();

        assertThat(messages().history(TENANT_A, ANNA, 10)).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("wamid.7");
            assertThat(m.text()).isEqualTo(provisional.text());
            assertThat(m.status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
    }

    @Test
    void renameWithAStatusMovesTheStatusOnlyForward() {
        messages().append(record(TENANT_A, ANNA, "outbox:7", now()));
        messages().append(record(TENANT_A, ANNA, "wamid.7", inSeconds(1)).withStatus(DeliveryStatus.DELIVERED));
        messages().append(record(TENANT_A, ANNA, "outbox:8", now()).withStatus(DeliveryStatus.PENDING));

        assertThat(messages().rename(TENANT_A, WA, "outbox:7", List.of("wamid.7"), DeliveryStatus.SENT)).isTrue();
        assertThat(messages().rename(TENANT_A, WA, "outbox:8", List.of("wamid.8", "wamid.8b"), DeliveryStatus.SENT))
                .isTrue();
        assertThat(messages().rename(TENANT_A, WA, "outbox:9", List.of("wamid.9"), DeliveryStatus.SENT)).isFalse();

        assertThat(messages().find(TENANT_A, WA, "wamid.7").orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(messages().find(TENANT_A, WA, "wamid.8b")).hasValueSatisfying(m -> {
            assertThat(m.messageId()).isEqualTo("wamid.8");
            assertThat(m.status()).isEqualTo(DeliveryStatus.SENT);
        });
        assertThat(messages().find(TENANT_A, WA, "wamid.9")).isEmpty();
    }

    @Test
    void renameWithPartIdsLetsEveryPartFindAndMoveTheMessage() {
        messages().append(record(TENANT_A, ANNA, "outbox:7", now()));

        assertThat(messages().rename(TENANT_A, WA, "outbox:7", List.of("mid.media", "mid.caption"))).isTrue();

        assertThat(messages().find(TENANT_A, WA, "mid.caption")).hasValueSatisfying(
                m -> assertThat(m.messageId()).isEqualTo("mid.media"));
        assertThat(messages().updateStatus(TENANT_A, WA, "mid.caption", DeliveryStatus.READ)).isTrue();
        assertThat(messages().find(TENANT_A, WA, "mid.media").orElseThrow().status())
                .isEqualTo(DeliveryStatus.READ);
        assertThat(messages().history(TENANT_A, ANNA, 10)).hasSize(1);
        assertThat(messages().find(TENANT_B, WA, "mid.caption")).isEmpty();
    }

    @Test
    void renamingAMessageAgainTakesItsPartIdsAlong() {
        messages().append(record(TENANT_A, ANNA, "outbox:7", now()));
        messages().rename(TENANT_A, WA, "outbox:7", List.of("mid.media", "mid.caption"));

        assertThat(messages().rename(TENANT_A, WA, "mid.media", List.of("mid.final"))).isTrue();

        assertThat(messages().find(TENANT_A, WA, "mid.caption")).hasValueSatisfying(
                m -> assertThat(m.messageId()).isEqualTo("mid.final"));
        assertThat(messages().updateStatus(TENANT_A, WA, "mid.caption", DeliveryStatus.READ)).isTrue();
        assertThat(messages().find(TENANT_A, WA, "mid.final").orElseThrow().status())
                .isEqualTo(DeliveryStatus.READ);
        assertThat(messages().find(TENANT_A, WA, "mid.media")).isEmpty();
        assertThat(messages().history(TENANT_A, ANNA, 10)).singleElement()
                .satisfies(m -> assertThat(m.messageId()).isEqualTo("mid.final"));
    }

    @Test
    void renameWithNoIdIsRefused() {
        messages().append(record(TENANT_A, ANNA, "outbox:7", now()));

        assertThatThrownBy(() -> messages().rename(TENANT_A, WA, "outbox:7", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(messages().find(TENANT_A, WA, "outbox:7")).isPresent();
    }

    @Test
    void deleteConversationForgetsThePartIdsToo() {
        messages().append(record(TENANT_A, ANNA, "outbox:7", now()));
        messages().rename(TENANT_A, WA, "outbox:7", List.of("mid.media", "mid.caption"));

        messages().deleteConversation(TENANT_A, ANNA);

        assertThat(messages().find(TENANT_A, WA, "mid.caption")).isEmpty();
        assertThat(messages().updateStatus(TENANT_A, WA, "mid.caption", DeliveryStatus.READ)).isFalse();
    }

    @Test
    void marksListATenantsMessagesOfAPeriodOldestFirstWithoutContent() {
        messages().append(record(TENANT_A, ANNA, "wamid.before", inSeconds(-1)));
        messages().append(record(TENANT_A, BOB, "wamid.2", inSeconds(20)));
        messages().append(record(TENANT_A, ANNA, "wamid.1", now()));
        messages().append(new MessageRecord(TENANT_A, ANNA, "wamid.out", Direction.OUTBOUND, Author.AGENT, "text",
                Optional.of("hi"), DeliveryStatus.SENT, inSeconds(30)));
        messages().append(record(TENANT_A, ANNA, "wamid.at-end", inSeconds(60)));
        messages().append(record(TENANT_B, ANNA, "wamid.other-tenant", inSeconds(10)));

        List<MessageMark> marks = messages().marks(TENANT_A, now(), inSeconds(60));

        assertThat(marks).containsExactly(new MessageMark(ANNA, Author.CUSTOMER, now()),
                new MessageMark(BOB, Author.CUSTOMER, inSeconds(20)), new MessageMark(ANNA, Author.AGENT, inSeconds(30)));
    }
}
