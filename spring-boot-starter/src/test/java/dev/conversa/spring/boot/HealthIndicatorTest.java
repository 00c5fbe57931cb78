package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.store.Inbox;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.ForwardingInbox;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator reports the inbox backlog, and DOWN when the stores cannot be read. */
class HealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConversaAutoConfiguration.class))
            .withPropertyValues("conversa.app-secrets=app-secret", "conversa.verify-token=verify-token");

    @Test
    void reportsUpWithTheInboxBacklog() {
        runner.run(context -> {
            Health health = context.getBean("conversaHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("inboxBacklog", 0L);
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
