package dev.conversa;

import static dev.conversa.TestBed.ACCOUNT;
import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.Direction;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountDisconnectTest {

    private static final String OTHER_ACCOUNT = "acct-2";

    private final TestBed bed = new TestBed(builder -> builder);

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void stopsProcessingADisconnectedAccountAndKeepsItsData() {
        // given
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());

        // when
        boolean disconnected = bed.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, ACCOUNT);
        bed.deliver("m2", "alice", "still there?");

        // then
        assertThat(disconnected).isTrue();
        assertThat(bed.conversa.accounts(TENANT)).isEmpty();
        bed.clock.advance(Duration.ofSeconds(2));
        bed.awaitIdle();
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10))
                .filteredOn(m -> m.direction() == Direction.INBOUND).extracting(m -> m.messageId())
                .containsExactly("m1");
        assertThat(bed.channel.attempts()).isEmpty();
    }

    @Test
    void erasesTheConversationsOfADisconnectedAccountAndContactsWhoWroteToNoOtherAccount() {
        // given
        bed.conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, OTHER_ACCOUNT,
                Secret.of("token-2")));
        bed.deliver("m1", "alice", "hello");
        bed.deliver("m2", "bob", "hello");
        bed.conversa.webhooks().handle(TestSignatures.signedPost(
                EchoTestChannel.payload(OTHER_ACCOUNT, "m3", "bob", bed.clock.instant(), "hi there"),
                TestBed.APP_SECRET));
        await().until(() -> bed.stores.conversations().list(TENANT, Optional.empty(), 10).size() == 3);
        bed.clock.advance(Duration.ofSeconds(2));
        bed.awaitIdle();

        // when
        int erased = bed.conversa.disconnectAccountAndErase(TENANT, EchoTestChannel.TYPE, ACCOUNT);

        // then
        assertThat(erased).isEqualTo(2);
        assertThat(bed.stores.conversations().list(TENANT, Optional.empty(), 10))
                .extracting(c -> c.key().accountId()).containsExactly(OTHER_ACCOUNT);
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10)).isEmpty();
        assertThat(bed.stores.contacts().find(TENANT, EchoTestChannel.TYPE, "alice")).isEmpty();
        assertThat(bed.stores.contacts().find(TENANT, EchoTestChannel.TYPE, "bob")).isPresent();
        assertThat(bed.stores.audit().list(TENANT, 1)).extracting(AuditEvent::action).containsExactly("account_erased");
        assertThat(bed.stores.audit().list(TENANT, 1).get(0).details().values()).noneMatch(v -> v.contains("alice"));
    }

    @Test
    void disconnectingUnsubscribesTheAccountThroughItsChannel() {
        boolean disconnected = bed.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, ACCOUNT);

        assertThat(disconnected).isTrue();
        assertThat(bed.channel.unsubscribed()).extracting(ChannelAccount::accountId, a -> a.accessToken().reveal())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ACCOUNT, "token"));
    }

    @Test
    void aSubscriptionSharedWithAnotherConnectedAccountStaysUntilTheLastOneLeaves() {
        // given: two accounts behind one subscription, as two numbers of one WhatsApp Business Account
        Map<String, String> shared = Map.of(ScriptedChannel.SUBSCRIPTION, "waba-1");
        bed.conversa.registerAccount(new ChannelAccount(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token"),
                shared));
        bed.conversa.registerAccount(new ChannelAccount(TENANT, EchoTestChannel.TYPE, OTHER_ACCOUNT,
                Secret.of("token-2"), shared));

        // when
        bed.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, ACCOUNT);
        List<ChannelAccount> afterFirst = bed.channel.unsubscribed();
        bed.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, OTHER_ACCOUNT);

        // then
        assertThat(afterFirst).isEmpty();
        assertThat(bed.channel.unsubscribed()).extracting(ChannelAccount::accountId).containsExactly(OTHER_ACCOUNT);
    }

    @Test
    void anUnsubscriptionThatFailsStillDisconnects() {
        bed.channel.failNextUnsubscribe(new IllegalStateException("Meta is down"));

        boolean disconnected = bed.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, ACCOUNT);

        assertThat(disconnected).isTrue();
        assertThat(bed.conversa.accounts(TENANT)).isEmpty();
        assertThat(bed.channel.unsubscribed()).hasSize(1);
    }

    @Test
    void eventsOfADisconnectedAccountAlreadyInTheInboxAreCompletedWithoutAReply() {
        // given: two messages stored while the workers were stopped
        try (TestBed stopped = new TestBed(InMemoryStores.create(), builder -> builder, false)) {
            stopped.deliver("m1", "alice", "hello");
            stopped.deliver("m2", "bob", "hi");
            assertThat(stopped.stores.inbox().pendingCount()).isEqualTo(2);

            // when
            stopped.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, ACCOUNT);
            stopped.conversa.start();

            // then
            stopped.awaitIdle();
            assertThat(stopped.stores.conversations().list(TENANT, Optional.empty(), 10)).isEmpty();
            assertThat(stopped.stores.messages().history(TENANT, key("alice"), 10)).isEmpty();
            assertThat(stopped.channel.attempts()).isEmpty();
        }
    }

    @Test
    void disconnectingAnUnknownAccountChangesNothing() {
        assertThat(bed.conversa.disconnectAccount(TENANT, EchoTestChannel.TYPE, "nope")).isFalse();
        assertThat(bed.conversa.accounts(TENANT)).hasSize(1);
        assertThat(bed.channel.unsubscribed()).isEmpty();
    }
}
