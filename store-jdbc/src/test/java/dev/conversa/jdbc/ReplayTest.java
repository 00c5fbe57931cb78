package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.store.InboxEntry;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.testsupport.TestSignatures;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Meta signs no timestamp, so a captured webhook stays correctly signed for ever. What keeps a
 * replay harmless is the event's own time and the inbox: inside the replay window a redelivery
 * is stored once, whichever instance receives it and across a restart (each instance with its
 * own, empty front cache); after the window the event is too old to be stored at all.
 */
class ReplayTest {

    private static final String APP_SECRET = "replay-app-secret";
    private static final String ACCOUNT = "acct-1";
    private static final TenantId TENANT = TenantId.of("shop");

    abstract static class Scenarios {

        final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
        JdbcStores jdbc;

        abstract JdbcStores stores(Clock clock);

        @BeforeEach
        void freshDatabase() {
            jdbc = stores(clock);
            jdbc.stores().accounts().save(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("t")));
        }

        /** A new instance: its own handler and front cache, the shared database. */
        WebhookHandler instance() {
            return WebhookHandler.builder()
                    .appSecret(Secret.of(APP_SECRET))
                    .verifyToken(Secret.of("verify"))
                    .channel(new EchoTestChannel())
                    .accounts(jdbc.stores().accounts())
                    .inbox(jdbc.stores().inbox())
                    .clock(clock)
                    .build();
        }

        WebhookRequest captured(String eventId) {
            return TestSignatures.signedPost(EchoTestChannel.payload(ACCOUNT, eventId, "ana", clock.instant(), "hi"),
                    APP_SECRET);
        }

        @Test
        void aRedeliveryInsideTheWindowIsStoredOnceAcrossTwoInstancesAndARestart() {
            WebhookRequest captured = captured("e1");

            assertThat(instance().handle(captured).status()).as("instance A").isEqualTo(200);
            assertThat(instance().handle(captured).status()).as("instance B").isEqualTo(200);
            List<InboxEntry> claimed = jdbc.stores().inbox().claim("worker", 10, Duration.ofMinutes(1),
                    clock.instant());
            claimed.forEach(entry -> jdbc.stores().inbox().complete(entry, clock.instant()));
            clock.advance(Duration.ofDays(6));
            assertThat(instance().handle(captured).status()).as("after a restart, processed").isEqualTo(200);

            assertThat(claimed).hasSize(1);
            assertThat(jdbc.stores().inbox().pendingCount()).isZero();
            assertThat(jdbc.stores().inbox().claim("worker", 10, Duration.ofMinutes(1), clock.instant())).isEmpty();
        }

        @Test
        void aCapturedRequestReplayedAfterTheWindowIsAcknowledgedAndNotStored() {
            WebhookRequest captured = captured("e2");
            instance().handle(captured);
            jdbc.stores().inbox().claim("worker", 10, Duration.ofMinutes(1), clock.instant())
                    .forEach(entry -> jdbc.stores().inbox().complete(entry, clock.instant()));

            clock.advance(WebhookHandler.Builder.DEFAULT_REPLAY_WINDOW.plusSeconds(1));
            jdbc.stores().inbox().purgeCompleted(clock.instant());

            assertThat(instance().handle(captured).status()).isEqualTo(200);
            assertThat(jdbc.stores().inbox().pendingCount()).isZero();
        }
    }

    @Nested
    class OnH2 extends Scenarios {
        @Override
        JdbcStores stores(Clock clock) {
            return TestDatabases.h2(clock);
        }
    }

    @Nested
    class OnPostgreSql extends Scenarios {
        @Override
        JdbcStores stores(Clock clock) {
            return TestDatabases.postgres(clock);
        }
    }
}
