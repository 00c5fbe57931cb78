package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.observe.ConversaObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WebhookHandlerBuilderTest {

    private final Stores stores = InMemoryStores.create();

    private WebhookHandler.Builder complete() {
        return WebhookHandler.builder()
                .appSecret(Secret.of("s"))
                .verifyToken(Secret.of("t"))
                .accounts(stores.accounts())
                .inbox(stores.inbox());
    }

    @Test
    void refusesToBuildWithoutAppSecret() {
        WebhookHandler.Builder builder = WebhookHandler.builder()
                .verifyToken(Secret.of("t")).accounts(stores.accounts()).inbox(stores.inbox());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("appSecret is required");
    }

    @Test
    void refusesToBuildWithoutVerifyToken() {
        WebhookHandler.Builder builder = WebhookHandler.builder()
                .appSecret(Secret.of("s")).accounts(stores.accounts()).inbox(stores.inbox());

        assertThatThrownBy(builder::build).hasMessageStartingWith("verifyToken is required");
    }

    @Test
    void refusesToBuildWithoutAccountStore() {
        WebhookHandler.Builder builder = WebhookHandler.builder()
                .appSecret(Secret.of("s")).verifyToken(Secret.of("t")).inbox(stores.inbox());

        assertThatThrownBy(builder::build).hasMessageStartingWith("accounts is required");
    }

    @Test
    void refusesToBuildWithoutInbox() {
        WebhookHandler.Builder builder = WebhookHandler.builder()
                .appSecret(Secret.of("s")).verifyToken(Secret.of("t")).accounts(stores.accounts());

        assertThatThrownBy(builder::build).hasMessageStartingWith("inbox is required");
    }

    @Test
    void refusesTwoChannelsForTheSameWebhookObject() {
        WebhookHandler.Builder builder = complete().channel(new EchoTestChannel());

        assertThatThrownBy(() -> builder.channel(new EchoTestChannel()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test_object");
    }

    @Test
    void refusesBodyLimitThatIsNotPositive() {
        assertThatThrownBy(() -> complete().maxBodyBytes(0).build()).hasMessageContaining("maxBodyBytes");
    }

    @Test
    void refusesReplayWindowThatIsNotPositive() {
        assertThatThrownBy(() -> complete().replayWindow(Duration.ZERO).build()).hasMessageContaining("replayWindow");
    }

    @Test
    void toBuilderBuildsAnEqualConfigurationAndLeavesTheOriginalAlone() {
        WebhookHandler original = complete().maxBodyBytes(2048).build();

        WebhookHandler copy = original.toBuilder().build();
        WebhookHandler changed = original.toBuilder().maxBodyBytes(4096).build();

        assertThat(copy.maxBodyBytes()).isEqualTo(2048);
        assertThat(changed.maxBodyBytes()).isEqualTo(4096);
        assertThat(original.maxBodyBytes()).isEqualTo(2048);
    }

    @Test
    void theObserverHearsEveryCallsStatusAndACopyKeepsIt() {
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        WebhookHandler original = complete().observer(new ConversaObserver() {
            @Override
            public void webhookAnswered(int status, Duration latency) {
                statuses.add(status);
            }
        }).build();
        WebhookRequest get = WebhookRequest.builder().method("GET").build();
        WebhookRequest put = WebhookRequest.builder().method("PUT").build();

        original.handle(get);
        original.toBuilder().build().handle(put);

        assertThat(statuses).containsExactly(400, 405);
    }
}
