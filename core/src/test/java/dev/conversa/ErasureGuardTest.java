package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.pipeline.Step;
import dev.conversa.privacy.ErasureScenario;
import dev.conversa.privacy.Privacy;
import dev.conversa.respond.RulesResponder;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An erased person stays erased: a redelivered old webhook is acknowledged and dropped, an event
 * already in the inbox is skipped, and what an event in flight wrote during the erasure is erased
 * again; a person who writes after the erasure starts afresh.
 */
class ErasureGuardTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final String SECRET = "guard-app-secret";
    private static final String ACCOUNT = "acct-1";
    private static final String PERSON = "psid-ana-1234567";
    private static final ConversationKey KEY = new ConversationKey(EchoTestChannel.TYPE, ACCOUNT, PERSON);

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final Stores stores = InMemoryStores.create();

    private Conversa conversa() {
        Conversa conversa = Conversa.builder().appSecret(Secret.of(SECRET)).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).stores(stores).clock(clock).privacyPepper(ErasureScenario.PEPPER)
                .build();
        conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token")));
        return conversa;
    }

    private WebhookResponse deliver(Conversa conversa, String eventId, Instant at, String text) {
        return conversa.webhooks().handle(TestSignatures.signedPost(
                EchoTestChannel.payload(ACCOUNT, eventId, PERSON, at, text), SECRET));
    }

    @Test
    void aRedeliveredOldWebhookOfAnErasedPersonIsAcknowledgedAndDropped() {
        Conversa conversa = conversa();
        Instant sent = clock.instant().minusSeconds(60);
        deliver(conversa, "e1", sent, "my address is Calle Sol 12");
        assertThat(stores.inbox().pendingCount()).isEqualTo(1);

        conversa.privacy().erase(TENANT, PERSON);
        assertThat(stores.inbox().pendingCount()).isZero();
        WebhookResponse redelivered = deliver(conversa, "e1", sent, "my address is Calle Sol 12");

        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(stores.inbox().pendingCount()).isZero();
        assertThat(stores.contacts().findByIdentifier(TENANT, PERSON)).isEmpty();
    }

    @Test
    void aPersonWhoWritesAfterTheErasureStartsAfresh() {
        Conversa conversa = conversa();
        deliver(conversa, "e1", clock.instant().minusSeconds(60), "hello");
        conversa.privacy().erase(TENANT, PERSON);
        clock.advance(Duration.ofSeconds(5));

        deliver(conversa, "e2", clock.instant(), "hello again");

        assertThat(stores.inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void privacyIsRefusedWithoutAPepperAndAShortPepperFailsTheBuild() {
        Conversa withoutPepper = Conversa.builder().appSecret(Secret.of(SECRET)).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).stores(stores).build();

        assertThatThrownBy(withoutPepper::privacy).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("privacyPepper");
        assertThatThrownBy(() -> Conversa.builder().appSecret(Secret.of(SECRET)).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).privacyPepper(Secret.of("too-short")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("privacyPepper must be at least 32")
                .hasMessageNotContaining("too-short");
    }

    @Test
    void anEventAlreadyClaimedWhenThePersonIsErasedRecreatesNothing() throws Exception {
        Privacy privacy = Privacy.builder().stores(stores).pepper(ErasureScenario.PEPPER).clock(clock).build();
        Pipeline pipeline = Pipeline.builder().stores(stores).clock(clock).privacy(privacy)
                .responder(RulesResponder.builder().fallback("Thanks!").build()).burstQuietWindow(Duration.ZERO)
                .burstMaxWait(Duration.ZERO).build();
        stores.inbox().append(TENANT, List.of(new EchoTestChannel().normalize(dev.conversa.testsupport.WebhookPayloads
                .of(EchoTestChannel.payload(ACCOUNT, "e1", PERSON, clock.instant().minusSeconds(1), "hi")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).get(0)), clock.instant());
        InboxEntry claimed = stores.inbox().claim("w", 1, Duration.ofSeconds(30), clock.instant()).get(0);

        privacy.erase(TENANT, PERSON);
        pipeline.process(claimed);

        assertThat(stores.contacts().findByIdentifier(TENANT, PERSON)).isEmpty();
        assertThat(stores.conversations().find(TENANT, KEY)).isEmpty();
        assertThat(stores.messages().history(TENANT, KEY, 10)).isEmpty();
    }

    @Test
    void whatAnEventWroteWhileItsPersonWasErasedIsErasedAgain() throws Exception {
        Privacy privacy = Privacy.builder().stores(stores).pepper(ErasureScenario.PEPPER).clock(clock).build();
        Pipeline pipeline = Pipeline.builder().stores(stores).clock(clock).privacy(privacy)
                .responder(RulesResponder.builder().fallback("Thanks!").build())
                .middleware(Step.COALESCE, (ctx, next) -> {
                    privacy.erase(TENANT, PERSON);
                    next.proceed();
                })
                .build();
        stores.inbox().append(TENANT, List.of(new EchoTestChannel().normalize(dev.conversa.testsupport.WebhookPayloads
                .of(EchoTestChannel.payload(ACCOUNT, "e1", PERSON, clock.instant().minusSeconds(1), "hi")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).get(0)), clock.instant());
        InboxEntry claimed = stores.inbox().claim("w", 1, Duration.ofSeconds(30), clock.instant()).get(0);

        pipeline.process(claimed);

        assertThat(stores.contacts().findByIdentifier(TENANT, PERSON)).isEmpty();
        assertThat(stores.conversations().find(TENANT, KEY)).isEmpty();
        assertThat(stores.messages().history(TENANT, KEY, 10)).isEmpty();
        assertThat(stores.outbox().list(TENANT, OutboxState.PENDING, 10)).isEmpty();
        assertThat(stores.audit().list(TENANT, 10)).anyMatch(e -> e.action().equals(Privacy.REAPPLIED_ACTION));
        assertThat(Optional.of(ChannelType.WHATSAPP)).isPresent();
    }
}
