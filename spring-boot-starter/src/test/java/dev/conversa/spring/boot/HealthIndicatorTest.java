package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.ForwardingInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator reports the backlog and what waits for a person, and DOWN when the stores cannot be read. */
class HealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConversaAutoConfiguration.class))
            .withPropertyValues("conversa.app-secrets=app-secret", "conversa.verify-token=verify-token");

    @Test
    void reportsUpWithTheInboxBacklog() {
        runner.run(context -> {
            Health health = context.getBean("conversaHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("inboxBacklog", 0L).containsEntry("inboxParked", 0L)
                    .containsEntry("outboxPending", 0L).containsEntry("outboxSendUncertain", 0L)
                    .containsEntry("outboxDead", 0L).containsEntry("accountsWithRefusedToken", 0)
                    .containsEntry("needsAttention", false).doesNotContainKey("inboxOldestPendingAge");
        });
    }

    @Test
    void reportsTheOldestPendingAgeParkedEntriesAndDeadSendsWithoutPersonalData() {
        runner.withUserConfiguration(TroubledStores.class).run(context -> {
            Health health = context.getBean("conversaHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("inboxParked", 2L).containsEntry("outboxDead", 1L)
                    .containsEntry("outboxPending", 1L).containsEntry("needsAttention", true);
            assertThat(Duration.parse(health.getDetails().get("inboxOldestPendingAge").toString()))
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
            assertThat(health.getDetails().toString()).doesNotContain(TroubledStores.CUSTOMER, "refused by Meta");
        });
    }

    @Test
    void reportsDownWhenTheStoresCannotBeRead() {
        runner.withUserConfiguration(UnreachableStores.class).run(context -> {
            Health health = context.getBean("conversaHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).doesNotContain(UnreachableStores.SECRET_DETAIL);
        });
    }

    @Test
    void makesNoHealthIndicatorWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("conversaHealthIndicator"));
    }

    @Configuration(proxyBeanMethods = false)
    static class TroubledStores {

        static final String CUSTOMER = "15550001111";

        @Bean
        Stores stores() {
            Stores memory = InMemoryStores.create();
            Instant fiveMinutesAgo = Instant.now().minus(Duration.ofMinutes(5));
            Inbox troubled = new ForwardingInbox(memory.inbox()) {
                @Override
                public long parkedCount() {
                    return 2;
                }

                @Override
                public Optional<Instant> oldestPendingAt() {
                    return Optional.of(fiveMinutesAgo);
                }
            };
            ConversationKey to = new ConversationKey(ChannelType.WHATSAPP, "15550009999", CUSTOMER);
            TenantId tenant = TenantId.of("acme");
            Instant now = Instant.now();
            memory.outbox().enqueue(tenant, OutboundMessage.text(to, "first"), "k1", now);
            memory.outbox().enqueue(tenant, OutboundMessage.text(new ConversationKey(ChannelType.WHATSAPP,
                    "15550009999", "15550002222"), "waits"), "k2", now);
            memory.outbox().markDead(memory.outbox().claim("test", 1, Duration.ofMinutes(1), now).get(0),
                    "refused by Meta");
            return memory.toBuilder().inbox(troubled).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnreachableStores {

        static final String SECRET_DETAIL = "jdbc:postgresql://db/conversa?password=hunter2";

        @Bean
        Stores stores() {
            Stores memory = InMemoryStores.create();
            Inbox unreachable = new ForwardingInbox(memory.inbox()) {
                @Override
                public long pendingCount() {
                    throw new IllegalStateException(SECRET_DETAIL);
                }
            };
            return memory.toBuilder().inbox(unreachable).build();
        }
    }
}
