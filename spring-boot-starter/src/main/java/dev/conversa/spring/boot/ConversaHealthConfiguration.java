package dev.conversa.spring.boot;

import dev.conversa.Conversa;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator, made only when Actuator's health support is on the classpath. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class ConversaHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "conversaHealthIndicator")
    ConversaHealthIndicator conversaHealthIndicator(Conversa conversa) {
        return new ConversaHealthIndicator(conversa);
    }
}
