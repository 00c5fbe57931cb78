package dev.conversa;

import static dev.conversa.TestBed.ACCOUNT;
import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphApiException;
import dev.conversa.lang.Secret;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An account whose token Meta refused, or which Meta throttles, waits without losing its messages. */
class AccountParkingTest {

    private final TestBed bed = new TestBed(builder -> builder.responder(request -> Reply.silence())
            .retryBackoff(Duration.ofSeconds(1)).maxAttempts(2));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void messagesOfAnAccountWhoseTokenWasRefusedWaitWithTheReasonUntilANewTokenIsRegistered() {
        // given
        customerWrites("alice");
        bed.channel.failNextSend(GraphApiException.builder("token expired").httpStatus(401).code(190).subcode(463)
                .build());
        OutboxEntry first = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "first"));
        OutboxEntry second = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "second"));
        await().until(() -> entry(first).lastError().isPresent());

        // when: time passes, longer than every attempt would take, with the old token
        for (int round = 0; round < 5; round++) {
            bed.clock.advance(Duration.ofSeconds(10));
            await().until(() -> entry(first).notBefore().isAfter(bed.clock.instant()));
        }

        // then
        assertThat(entry(first).state()).isEqualTo(OutboxState.PENDING);
        assertThat(entry(first).attempts()).isZero();
        assertThat(entry(first).lastError()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("parked", "code 190", ACCOUNT).doesNotContain("token expired", "first"));
        assertThat(bed.channel.attempts()).hasSize(1);

        // when: the host registers a new token
        bed.conversa.registerAccount(ChannelAccount.of(TENANT, bed.channel.type(), ACCOUNT, Secret.of("new-token")));
        bed.clock.advance(Duration.ofSeconds(10));

        // then
        await().until(() -> entry(second).state() == OutboxState.SENT);
        assertThat(entry(first).state()).isEqualTo(OutboxState.SENT);
        assertThat(bed.channel.attempts()).extracting(request -> request.message().content())
                .containsExactly(new Text("first"), new Text("first"), new Text("second"));
    }

    @Test
    void aThrottledAccountsOtherMessagesWaitForTheThrottleWithoutUsingAttempts() {
        // given
        customerWrites("alice");
        customerWrites("bob");
        bed.channel.failNextSend(GraphApiException.builder("throttled").httpStatus(400).code(80007).retryable(true)
                .retryAfter(Duration.ofSeconds(30)).build());
        OutboxEntry first = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "first"));
        await().until(() -> entry(first).lastError().isPresent());

        // when
        OutboxEntry other = bed.conversa.send(TENANT, OutboundMessage.text(key("bob"), "other"));
        await().until(() -> entry(other).lastError().isPresent());

        // then
        assertThat(entry(other).attempts()).isZero();
        assertThat(entry(other).lastError()).hasValueSatisfying(reason -> assertThat(reason).contains("throttles"));
        assertThat(entry(other).notBefore()).isEqualTo(entry(first).notBefore());
        assertThat(bed.channel.attempts()).hasSize(1);

        bed.clock.advance(Duration.ofSeconds(30));
        await().until(() -> entry(first).state() == OutboxState.SENT && entry(other).state() == OutboxState.SENT);
    }

    private void customerWrites(String contact) {
        bed.deliver("m-" + contact, contact, "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(c -> c.lastInboundAt()).isPresent());
    }

    private OutboxEntry entry(OutboxEntry entry) {
        return bed.stores.outbox().find(TENANT, entry.id()).orElseThrow();
    }
}
