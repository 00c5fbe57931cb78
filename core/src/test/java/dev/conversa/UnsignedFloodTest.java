package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.respond.Reply;
import dev.conversa.store.AccountStore;
import dev.conversa.store.AuditLog;
import dev.conversa.store.ConsentStore;
import dev.conversa.store.ContactStore;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.DeadLetterStore;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.store.ErasureLedger;
import dev.conversa.store.Inbox;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.CountingChannel;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An unsigned flood costs no parse and no database work: every request of it is refused by the
 * signature check over the raw bytes, which counts no store call and reaches no channel. Counted,
 * not timed. The figures are in {@code docs/reliability.md}.
 */
class UnsignedFloodTest {

    static final int FLOOD = 10_000;
    private static final String APP_SECRET = "flood-app-secret";
    private static final String ACCOUNT = "acct-flood";

    private final AtomicInteger storeCalls = new AtomicInteger();
    private final CountingChannel channel = new CountingChannel();

    @Test
    void tenThousandUnsignedRequestsAreRefusedWithoutAStoreCallOrAParse() {
        // given
        Conversa conversa = Conversa.builder()
                .appSecret(Secret.of(APP_SECRET))
                .verifyToken(Secret.of("verify"))
                .stores(counted(InMemoryStores.create()))
                .channel(channel)
                .responder(request -> Reply.silence())
                .graphClient(GraphClient.builder().build())
                .build();
        conversa.registerAccount(ChannelAccount.of(TenantId.of("shop"), EchoTestChannel.TYPE, ACCOUNT,
                Secret.of("token")));
        byte[] valid = EchoTestChannel.payload(ACCOUNT, "m-1", "u-1", Instant.now(), "hello")
                .getBytes(StandardCharsets.UTF_8);
        byte[] notEvenJson = "{\"object\":\"test_object\",\"entry\":[{[[[".getBytes(StandardCharsets.UTF_8);
        List<WebhookRequest> flood = List.of(
                WebhookRequest.builder().method("POST").body(valid).build(),
                post(valid, "sha256=zz"),
                post(valid, TestSignatures.sign(valid, "another-app-secret")),
                post(notEvenJson, TestSignatures.sign(valid, APP_SECRET)),
                post(notEvenJson, "sha256=" + "0".repeat(64)));
        storeCalls.set(0);

        // when
        for (int i = 0; i < FLOOD; i++) {
            assertThat(conversa.webhooks().handle(flood.get(i % flood.size())).status()).isEqualTo(401);
        }

        // then
        assertThat(storeCalls).as("store calls during the flood").hasValue(0);
        assertThat(channel.normalized()).as("bodies handed to a channel").isZero();

        // and the counters see a signed request's work
        assertThat(conversa.webhooks().handle(TestSignatures.signedPost(valid, APP_SECRET)).status()).isEqualTo(200);
        assertThat(storeCalls.get()).isPositive();
        assertThat(channel.normalized()).isEqualTo(1);
    }

    private static WebhookRequest post(byte[] body, String signature) {
        return WebhookRequest.builder().method("POST").header("X-Hub-Signature-256", signature).body(body).build();
    }

    private Stores counted(Stores stores) {
        return stores.toBuilder()
                .accounts(counted(AccountStore.class, stores.accounts()))
                .contacts(counted(ContactStore.class, stores.contacts()))
                .conversations(counted(ConversationStore.class, stores.conversations()))
                .messages(counted(MessageStore.class, stores.messages()))
                .inbox(counted(Inbox.class, stores.inbox()))
                .outbox(counted(Outbox.class, stores.outbox()))
                .audit(counted(AuditLog.class, stores.audit()))
                .consents(counted(ConsentStore.class, stores.consents()))
                .deletionRequests(counted(DeletionRequestStore.class, stores.deletionRequests()))
                .deadLetters(counted(DeadLetterStore.class, stores.deadLetters()))
                .erasures(counted(ErasureLedger.class, stores.erasures()))
                .build();
    }

    private <T> T counted(Class<T> type, T store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                storeCalls.incrementAndGet();
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
