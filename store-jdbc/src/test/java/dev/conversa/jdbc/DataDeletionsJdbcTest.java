package dev.conversa.jdbc;

import static dev.conversa.testsupport.TestSignedRequests.payload;
import static dev.conversa.testsupport.TestSignedRequests.post;
import static dev.conversa.testsupport.TestSignedRequests.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.Conversa;
import dev.conversa.DataDeletions;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.DataDeletionCallback;
import dev.conversa.privacy.DeletionRun;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A data deletion request carried out end to end on H2 and PostgreSQL: Meta's callback records
 * it, the run disconnects and erases the accounts its app user connected, and the status page
 * finds it DONE with counts, read back from the database.
 */
class DataDeletionsJdbcTest {

    private static final String SECRET = "app-secret-1";
    private static final TenantId TENANT = TenantId.of("shop");
    private static final String APP_USER = "10158000000000001";
    private static final String MINE = "acct-1";
    private static final String OTHERS = "acct-2";

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRequestIsCarriedOutToDoneAndItsStatusServedFromTheDatabase(String database) {
        // given
        Stores stores = (database.equals("h2") ? TestDatabases.h2(clock) : TestDatabases.postgres(clock)).stores();
        try (Conversa conversa = Conversa.builder().appSecret(Secret.of(SECRET)).verifyToken(Secret.of("verify"))
                .channel(new EchoTestChannel()).stores(stores).clock(clock).graphClient(new AcceptingGraph())
                .pollInterval(Duration.ofMillis(10)).withoutScheduledRetention()
                .privacyPepper(Secret.of("pepper-of-this-test-deployment-0123456789")).build()) {
            conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, MINE, Secret.of("token-1"))
                    .withAppUserId(APP_USER));
            conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, OTHERS, Secret.of("token-2")));
            conversa.start();
            deliver(conversa, MINE, "m1", "alice");
            deliver(conversa, OTHERS, "m2", "bob");
            await().atMost(20, TimeUnit.SECONDS).until(() ->
                    stores.conversations().find(TENANT, key(MINE, "alice")).isPresent()
                    && stores.conversations().find(TENANT, key(OTHERS, "bob")).isPresent());
            clock.advance(Duration.ofSeconds(2));
            await().atMost(20, TimeUnit.SECONDS).until(() -> stores.inbox().pendingCount() == 0);
            DataDeletionCallback callback = DataDeletionCallback.builder().appSecret(Secret.of(SECRET))
                    .deletionRequests(stores.deletionRequests()).tenant(TENANT)
                    .statusUrl("https://shop.example/meta/deletion-status?code={code}").clock(clock).build();
            WebhookResponse answer = callback.handle(post(sign(payload(APP_USER, "HMAC-SHA256", clock.instant()),
                    SECRET)));
            String code = JsonMapper.builder().build().readTree(answer.bodyText()).get("confirmation_code").asString();

            // when
            DeletionRun run = conversa.dataDeletions().run(clock.instant());

            // then
            DeletionRequest done = conversa.dataDeletions().status(TENANT, code).orElseThrow();
            assertThat(run.done()).containsExactly(done);
            assertThat(done.status()).isEqualTo(DeletionStatus.DONE);
            assertThat(done.counts()).containsEntry(DataDeletions.ACCOUNTS, 1)
                    .containsEntry(ErasureReport.CONVERSATIONS, 1).containsEntry(ErasureReport.CONTACTS, 1);
            assertThat(done.subject()).doesNotContain(APP_USER);
            assertThat(stores.accounts().findByAppUserId(TENANT, APP_USER)).isEmpty();
            assertThat(conversa.accounts(TENANT)).extracting(ChannelAccount::accountId).containsExactly(OTHERS);
            assertThat(stores.conversations().find(TENANT, key(MINE, "alice"))).isEmpty();
            assertThat(stores.conversations().find(TENANT, key(OTHERS, "bob"))).isPresent();
        }
    }

    private void deliver(Conversa conversa, String account, String eventId, String from) {
        WebhookResponse response = conversa.webhooks().handle(TestSignatures.signedPost(
                EchoTestChannel.payload(account, eventId, from, clock.instant(), "hello"), SECRET));
        assertThat(response.status()).isEqualTo(200);
    }

    private static ConversationKey key(String account, String contact) {
        return new ConversationKey(EchoTestChannel.TYPE, account, contact);
    }
}
