package dev.conversa.spring.boot;

import dev.conversa.model.TenantId;
import dev.conversa.pipeline.Chain;
import dev.conversa.pipeline.Context;
import dev.conversa.pipeline.Step;
import dev.conversa.store.Stores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Conversa's meters, made only when Micrometer is on the classpath, on the application's
 * {@link MeterRegistry} (Micrometer's global registry when it has none).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
class ConversaMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConversaMetrics conversaMetrics(ObjectProvider<MeterRegistry> registry, Stores stores) {
        return new ConversaMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry), stores);
    }

    @Bean
    AgentQueueGauges conversaAgentQueueGauges(ObjectProvider<MeterRegistry> registry, Stores stores,
            ConversaProperties properties) {
        List<TenantId> tenants = properties.getAccounts().stream().map(ConversaProperties.Account::getTenant)
                .filter(Objects::nonNull).distinct().map(TenantId::of).toList();
        return new AgentQueueGauges(registry.getIfAvailable(() -> Metrics.globalRegistry), stores.agents(),
                Clock.systemUTC(), tenants);
    }

    @Bean
    StepMiddleware conversaEventMetrics(ConversaMetrics metrics) {
        return new StepMiddleware() {
            @Override
            public void handle(Context ctx, Chain next) {
                ctx.event().ifPresent(metrics::eventReceived);
                next.proceed();
            }

            @Override
            public Step before() {
                return Step.RECORD;
            }
        };
    }
}
