package dev.conversa;

import static dev.conversa.TestBed.ACCOUNT;
import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static dev.conversa.testsupport.TestSignedRequests.payload;
import static dev.conversa.testsupport.TestSignedRequests.post;
import static dev.conversa.testsupport.TestSignedRequests.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.privacy.AccountData;
import dev.conversa.privacy.DataDeletionCallback;
import dev.conversa.privacy.DeauthorizeCallback;
import dev.conversa.privacy.DeletionRun;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's callbacks carried out end to end: a data deletion request disconnects and erases the
 * accounts its app user connected and is served DONE with counts; deauthorize disconnects them at
 * once; a request pending too long is reported.
 */
class DataDeletionsTest {

    private static final String APP_USER = "10158000000000001";
    private static final String OTHER_USER = "10158000000000002";
    private static final String OTHER_ACCOUNT = "acct-2";
    private static final String PEPPER = "pepper-of-this-test-deployment-0123456789";

    private TestBed bed;

    @AfterEach
    void closeBed() {
        bed.close();
    }

    private void start(UnaryOperator<Conversa.Builder> configure) {
        bed = new TestBed(InMemoryStores.create(), b -> configure.apply(b.withoutScheduledRetention()), true);
        bed.conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token"))
                .withAppUserId(APP_USER));
        bed.conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, OTHER_ACCOUNT,
                Secret.of("token-2")).withAppUserId(OTHER_USER));
    }

    private DataDeletionCallback deletionCallback() {
        return DataDeletionCallback.builder().appSecret(Secret.of(TestBed.APP_SECRET))
                .deletionRequests(bed.stores.deletionRequests()).tenant(TENANT)
                .statusUrl("https://shop.example/meta/deletion-status?code={code}").clock(bed.clock).build();
    }

    private String requestDeletion(String signedRequest) {
        WebhookResponse response = deletionCallback().handle(post(signedRequest));
        assertThat(response.status()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.bodyText()).get("confirmation_code").asString();
    }

    private String signed(String appUser) {
        return sign(payload(appUser, "HMAC-SHA256", bed.clock.instant()), TestBed.APP_SECRET);
    }

    private void converse() {
        bed.deliver("m1", "alice", "hello");
        bed.conversa.webhooks().handle(TestSignatures.signedPost(
                EchoTestChannel.payload(OTHER_ACCOUNT, "m2", "bob", bed.clock.instant(), "hi there"),
                TestBed.APP_SECRET));
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent()
                && bed.stores.conversations().find(TENANT, bobKey()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));
        bed.awaitIdle();
    }

    private static ConversationKey bobKey() {
        return new ConversationKey(EchoTestChannel.TYPE, OTHER_ACCOUNT, "bob");
    }

    @Test
    void aDeletionRequestIsCarriedOutToDoneAndItsStatusServed() {
        // given
        start(b -> b.privacyPepper(Secret.of(PEPPER)));
        converse();
        String code = requestDeletion(signed(APP_USER));
        assertThat(bed.conversa.dataDeletions().status(TENANT, code)).map(DeletionRequest::status)
                .contains(DeletionStatus.RECEIVED);

        // when
        DeletionRun run = bed.conversa.dataDeletions().run(bed.clock.instant());

        // then
        DeletionRequest done = bed.conversa.dataDeletions().status(TENANT, code).orElseThrow();
        assertThat(run.done()).containsExactly(done);
        assertThat(run.failed()).isEmpty();
        assertThat(run.overdue()).isEmpty();
        assertThat(done.status()).isEqualTo(DeletionStatus.DONE);
        assertThat(done.counts()).containsEntry(DataDeletions.ACCOUNTS, 1)
                .containsEntry(ErasureReport.CONVERSATIONS, 1).containsEntry(ErasureReport.CONTACTS, 1);
        assertThat(done.subject()).doesNotContain(APP_USER);
        assertThat(deletionCallback().status(code)).contains(done);
        assertThat(bed.conversa.accounts(TENANT)).extracting(ChannelAccount::accountId).containsExactly(OTHER_ACCOUNT);
        assertThat(bed.channel.unsubscribed()).extracting(ChannelAccount::accountId).containsExactly(ACCOUNT);
        assertThat(bed.stores.conversations().find(TENANT, key("alice"))).isEmpty();
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10)).isEmpty();
        assertThat(bed.stores.contacts().find(TENANT, EchoTestChannel.TYPE, "alice")).isEmpty();
        assertThat(bed.stores.conversations().find(TENANT, bobKey())).isPresent();
        assertThat(bed.stores.deletionRequests().listPending(TENANT, 10)).isEmpty();
    }

    @Test
    void theHostMayKeepTheDataOfTheDisconnectedAccounts() {
        start(b -> b.privacyPepper(Secret.of(PEPPER)).deletionRequestAccountData(AccountData.KEEP));
        converse();
        String code = requestDeletion(signed(APP_USER));

        bed.conversa.dataDeletions().run(bed.clock.instant());

        assertThat(bed.conversa.dataDeletions().status(TENANT, code).orElseThrow().counts())
                .containsEntry(DataDeletions.ACCOUNTS, 1);
        assertThat(bed.conversa.accounts(TENANT)).extracting(ChannelAccount::accountId).containsExactly(OTHER_ACCOUNT);
        assertThat(bed.stores.conversations().find(TENANT, key("alice"))).isPresent();
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10)).isNotEmpty();
    }

    @Test
    void aReplayedDeletionCallbackIsCarriedOutHarmlessly() {
        start(b -> b.privacyPepper(Secret.of(PEPPER)));
        converse();
        String signed = signed(APP_USER);
        String first = requestDeletion(signed);
        String replay = requestDeletion(signed);

        DeletionRun run = bed.conversa.dataDeletions().run(bed.clock.instant());

        assertThat(run.done()).extracting(DeletionRequest::confirmationCode).containsExactly(first, replay);
        assertThat(bed.conversa.dataDeletions().status(TENANT, first).orElseThrow().counts())
                .containsEntry(DataDeletions.ACCOUNTS, 1);
        assertThat(bed.conversa.dataDeletions().status(TENANT, replay).orElseThrow().counts())
                .containsEntry(DataDeletions.ACCOUNTS, 0);
        assertThat(bed.channel.unsubscribed()).hasSize(1);
        assertThat(bed.stores.conversations().find(TENANT, bobKey())).isPresent();
    }

    @Test
    void theScheduledJobOfStartCarriesOutPendingRequests() {
        bed = new TestBed(InMemoryStores.create(), b -> b.privacyPepper(Secret.of(PEPPER))
                .retentionEvery(Duration.ofSeconds(1)), false);
        bed.conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token"))
                .withAppUserId(APP_USER));
        String code = requestDeletion(signed(APP_USER));

        bed.conversa.start();

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(bed.conversa.dataDeletions().status(TENANT, code)).map(DeletionRequest::status)
                        .contains(DeletionStatus.DONE));
        assertThat(bed.conversa.accounts(TENANT)).isEmpty();
    }

    @Test
    void aRequestStillPendingAfterTheAlertAgeIsLoggedAtErrorAndReported() {
        // given: no pepper, so nothing can be erased and the request waits
        start(UnaryOperator.identity());
        String code = requestDeletion(signed(APP_USER));
        bed.clock.advance(DataDeletions.DEFAULT_ALERT_AGE.minusSeconds(1));
        assertThat(bed.conversa.dataDeletions().run(bed.clock.instant()).overdue()).isEmpty();
        bed.clock.advance(Duration.ofSeconds(1));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));

        // when
        DeletionRun run;
        try {
            run = bed.conversa.dataDeletions().run(bed.clock.instant());
        } finally {
            System.setErr(originalErr);
        }

        // then
        assertThat(run.overdue()).extracting(DeletionRequest::confirmationCode).containsExactly(code);
        assertThat(run.done()).isEmpty();
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("ERROR dev.conversa.DataDeletions - A data deletion request of tenant shop received at")
                .doesNotContain(APP_USER).doesNotContain(code);
        assertThat(bed.conversa.accounts(TENANT)).hasSize(2);
    }

    @Test
    void theAlertAgeIsAHostSetting() {
        start(b -> b.deletionRequestAlertAge(Duration.ofDays(10)));
        String code = requestDeletion(signed(APP_USER));
        bed.clock.advance(Duration.ofDays(10));

        assertThat(bed.conversa.dataDeletions().run(bed.clock.instant()).overdue())
                .extracting(DeletionRequest::confirmationCode).containsExactly(code);
    }

    @Test
    void deauthorizeDisconnectsTheUsersAccountsAtOnce() {
        // given
        start(UnaryOperator.identity());
        converse();
        DeauthorizeCallback deauthorize = DeauthorizeCallback.builder().appSecret(Secret.of(TestBed.APP_SECRET))
                .tenant(TENANT).disconnector(bed.conversa::disconnectAppUser).clock(bed.clock).build();
        String signed = signed(APP_USER);

        // when
        WebhookResponse response = deauthorize.handle(post(signed));
        WebhookResponse replay = deauthorize.handle(post(signed));
        bed.deliver("m3", "alice", "anyone there?");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("disconnected 1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.bodyText()).isEqualTo("disconnected 0");
        assertThat(bed.conversa.accounts(TENANT)).extracting(ChannelAccount::accountId).containsExactly(OTHER_ACCOUNT);
        assertThat(bed.channel.unsubscribed()).extracting(ChannelAccount::accountId).containsExactly(ACCOUNT);
        bed.clock.advance(Duration.ofSeconds(2));
        bed.awaitIdle();
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10)).extracting(m -> m.messageId())
                .doesNotContain("m3");
        assertThat(bed.stores.conversations().find(TENANT, key("alice"))).isPresent();
    }

    @Test
    void aForgedDeauthorizeCallbackDisconnectsNothing() {
        start(UnaryOperator.identity());
        DeauthorizeCallback deauthorize = DeauthorizeCallback.builder().appSecret(Secret.of(TestBed.APP_SECRET))
                .tenant(TENANT).disconnector(bed.conversa::disconnectAppUser).clock(bed.clock).build();

        WebhookResponse response = deauthorize.handle(post(sign(payload(APP_USER, "HMAC-SHA256",
                bed.clock.instant()), "forged-secret")));

        assertThat(response.status()).isEqualTo(401);
        assertThat(bed.conversa.accounts(TENANT)).hasSize(2);
        assertThat(bed.channel.unsubscribed()).isEmpty();
    }
}
