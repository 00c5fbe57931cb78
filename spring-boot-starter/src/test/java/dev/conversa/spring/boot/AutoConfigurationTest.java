package dev.conversa.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.Conversa;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.respond.Responder;
import dev.conversa.respond.RulesResponder;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.whatsapp.WhatsAppChannel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auto-configuration makes, and how it backs off, without a web server. */
class AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConversaAutoConfiguration.class))
            .withPropertyValues("conversa.app-secrets=app-secret", "conversa.verify-token=verify-token");

    @Test
    void buildsConversaWithEveryDefaultBean() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Conversa.class).hasSingleBean(Stores.class)
                    .hasSingleBean(GraphClient.class).hasSingleBean(WhatsAppChannel.class)
                    .doesNotHaveBean(TokenCipher.class);
            assertThat(context.getBean(Responder.class)).isInstanceOf(RulesResponder.class);
        });
    }

    @Test
    void failsStartUpNamingTheMissingAppSecret() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConversaAutoConfiguration.class))
                .withPropertyValues("conversa.verify-token=verify-token")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("conversa.app-secrets is required"));
    }

    @Test
    void failsStartUpNamingTheMissingVerifyToken() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConversaAutoConfiguration.class))
                .withPropertyValues("conversa.app-secrets=app-secret")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageStartingWith("conversa.verify-token is required"));
    }

    @Test
    void failsStartUpNamingAnIncompleteAccount() {
        runner.withPropertyValues("conversa.accounts[0].channel=whatsapp", "conversa.accounts[0].account-id=123",
                        "conversa.accounts[0].tenant=acme")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageStartingWith("conversa.accounts[0].token is required"));
    }

    @Test
    void registersTheConfiguredAccounts() {
        runner.withPropertyValues("conversa.accounts[0].channel=whatsapp", "conversa.accounts[0].account-id=123",
                        "conversa.accounts[0].tenant=acme", "conversa.accounts[0].token=access-token")
                .run(context -> assertThat(context.getBean(Conversa.class).accounts(TenantId.of("acme")))
                        .singleElement()
                        .satisfies(account -> {
                            assertThat(account.channel()).isEqualTo(ChannelType.WHATSAPP);
                            assertThat(account.accountId()).isEqualTo("123");
                        }));
    }

    @Test
    void aUserDefinedResponderReplacesTheDefault() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasSingleBean(Responder.class);
            assertThat(context.getBean(Responder.class)).isSameAs(context.getBean(OwnBeans.class).responder);
        });
    }

    @Test
    void backsOffFromEveryBeanTheApplicationDefines() {
        runner.withUserConfiguration(OwnBeans.class).run(context -> {
            OwnBeans own = context.getBean(OwnBeans.class);
            assertThat(context.getBean(Stores.class)).isSameAs(own.stores);
            assertThat(context.getBean(GraphClient.class)).isSameAs(own.graph);
            assertThat(context.getBean(WhatsAppChannel.class)).isSameAs(own.whatsapp);
            assertThat(context.getBeansOfType(WhatsAppChannel.class)).hasSize(1);
        });
    }

    @Test
    void makesATokenCipherFromTheTokenKeyProperty() {
        runner.withPropertyValues("conversa.store.token-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .run(context -> assertThat(context.getBean(TokenCipher.class).activeKeyId()).isEqualTo("k1"));
    }

    @Test
    void makesNoMetersWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConversaMetrics.class)
                        .doesNotHaveBean(StepMiddleware.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        final Responder responder = request -> dev.conversa.respond.Reply.silence();
        final Stores stores = InMemoryStores.create();
        final GraphClient graph = GraphClient.builder().build();
        final WhatsAppChannel whatsapp = WhatsAppChannel.create();

        @Bean
        Responder ownResponder() {
            return responder;
        }

        @Bean
        Stores ownStores() {
            return stores;
        }

        @Bean
        GraphClient ownGraph() {
            return graph;
        }

        @Bean
        WhatsAppChannel ownWhatsApp() {
            return whatsapp;
        }
    }
}
