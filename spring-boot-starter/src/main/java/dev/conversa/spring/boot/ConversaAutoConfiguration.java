package dev.conversa.spring.boot;

import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.conversation.StateChangeListener;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.pipeline.Middleware;
import dev.conversa.respond.Responder;
import dev.conversa.servlet.ConversaWebhookServlet;
import dev.conversa.store.Stores;
import dev.conversa.whatsapp.WhatsAppChannel;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Builds {@link Conversa} from {@link ConversaProperties}, serves its webhook at
 * {@code conversa.webhook.path} through {@link ConversaWebhookServlet}, and starts and closes it
 * with the application context ({@code SmartLifecycle}: Conversa starts before the web server
 * accepts webhooks and closes after it stopped, so in-flight work finishes or stays leased in
 * the inbox and outbox).
 *
 * <p>Every bean backs off when the application defines its own: {@link Conversa},
 * {@link Responder}, {@link Stores}, {@link TokenCipher}, {@link GraphClient} and the channels.
 * Application {@link Middleware} beans run before {@code conversa.middleware-before} and
 * {@link StateChangeListener} beans are added, both in their {@code @Order}.
 *
 * <p>With Micrometer, {@code conversa.webhooks} (by status), {@code conversa.events} (by channel
 * and kind) and {@code conversa.inbox.backlog} are recorded on the application's registry.
 *
 * <p>With Actuator, a {@code conversaHealthIndicator} reports DOWN when the stores cannot be
 * read and the inbox backlog otherwise.
 *
 * <p>Stores: {@code JdbcStores} on the application's {@code DataSource} when it has one (schema
 * migrations at start-up unless {@code conversa.store.migrate=false}), else in memory with a
 * warning.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(ConversaProperties.class)
@Import({ConversaAutoConfiguration.ChannelsConfiguration.class, ConversaAutoConfiguration.WebhookServletConfiguration.class,
        ConversaHealthConfiguration.class, ConversaMetricsConfiguration.class})
public class ConversaAutoConfiguration {

    /** The name of the webhook servlet's registration bean; define a bean of this name to replace it. */
    public static final String WEBHOOK_SERVLET_BEAN = "conversaWebhookServlet";

    /** Creates the configuration; Spring calls it. */
    public ConversaAutoConfiguration() {
    }

    /**
     * The cipher that seals access tokens at rest, from {@code conversa.store.token-key}.
     *
     * @param properties the properties
     * @return the cipher
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "conversa.store", name = "token-key")
    public TokenCipher conversaTokenCipher(ConversaProperties properties) {
        ConversaProperties.Store store = properties.getStore();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(store.getTokenKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("conversa.store.token-key must be 32 random bytes in Base64", e);
        }
        return TokenCipher.builder().key(store.getTokenKeyId(), key).activeKey(store.getTokenKeyId()).build();
    }

    /**
     * The stores: JDBC on the application's data source, else in memory with a warning.
     *
     * @param properties the properties
     * @param dataSource the application's data source, if any
     * @param tokenCipher the token cipher, required with a data source
     * @return the stores
     */
    @Bean
    @ConditionalOnMissingBean
    public Stores conversaStores(ConversaProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<TokenCipher> tokenCipher) {
        return StoresFactory.create(properties.getStore(), dataSource.getIfUnique(), tokenCipher.getIfUnique());
    }

    /**
     * The Graph API client, from {@code conversa.graph.*}.
     *
     * @param properties the properties
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public GraphClient conversaGraphClient(ConversaProperties properties) {
        ConversaProperties.Graph graph = properties.getGraph();
        GraphClient.Builder builder = GraphClient.builder()
                .allowInsecureLoopbackForTests(graph.isAllowInsecureLoopbackForTests());
        if (graph.getBaseUrl() != null) {
            builder.baseUrl(graph.getBaseUrl());
        }
        if (graph.getVersion() != null) {
            builder.apiVersion(graph.getVersion());
        }
        return builder.build();
    }

    /**
     * What answers customers: OpenAI when {@code conversa-openai} is on the classpath and
     * {@code conversa.openai.api-key} is set, else the rules responder's thank-you fallback.
     *
     * @param properties the properties
     * @param observers hear the OpenAI responder's token usage (such as the Micrometer binding)
     * @return the responder
     */
    @Bean
    @ConditionalOnMissingBean
    public Responder conversaResponder(ConversaProperties properties, ObjectProvider<ConversaObserver> observers) {
        return Responders.create(properties.getOpenai(), ConversaObserver.all(observers.orderedStream().toList()));
    }

    /**
     * The facade; {@link #conversaLifecycle} starts and closes it.
     *
     * @param properties the properties
     * @param channels the channel beans
     * @param stores the stores
     * @param responder the responder
     * @param graphClient the Graph client
     * @param middleware the application's middleware, in order
     * @param listeners the application's state change listeners, in order
     * @param observers the observers, such as the Micrometer binding, in order
     * @return the facade, with the configured accounts registered
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Conversa conversa(ConversaProperties properties, List<ChannelAdapter> channels, Stores stores,
            Responder responder, GraphClient graphClient, ObjectProvider<Middleware> middleware,
            ObjectProvider<StateChangeListener> listeners, ObjectProvider<ConversaObserver> observers) {
        if (properties.getAppSecrets().stream().allMatch(ConversaAutoConfiguration::isBlank)) {
            throw new IllegalStateException("conversa.app-secrets is required: set the Meta app secret that signs "
                    + "webhooks (a list, for rotation), such as conversa.app-secrets=${META_APP_SECRET}");
        }
        if (isBlank(properties.getVerifyToken())) {
            throw new IllegalStateException("conversa.verify-token is required: set the token chosen when "
                    + "subscribing the webhook, such as conversa.verify-token=${META_VERIFY_TOKEN}");
        }
        Conversa.Builder builder = Conversa.builder()
                .verifyToken(Secret.of(properties.getVerifyToken()))
                .stores(stores)
                .responder(responder)
                .graphClient(graphClient)
                .burstQuietWindow(properties.getBurstQuietWindow())
                .burstMaxWait(properties.getBurstMaxWait());
        properties.getAppSecrets().stream().filter(secret -> !isBlank(secret))
                .forEach(secret -> builder.appSecret(Secret.of(secret)));
        channels.forEach(builder::channel);
        middleware.orderedStream().forEach(step -> builder.middleware(
                step instanceof StepMiddleware own ? own.before() : properties.getMiddlewareBefore(), step));
        listeners.orderedStream().forEach(builder::stateListener);
        builder.observer(ConversaObserver.all(observers.orderedStream().toList()));
        Conversa conversa = builder.build();
        registerAccounts(conversa, properties.getAccounts());
        return conversa;
    }

    /**
     * Starts and closes Conversa with the application context.
     *
     * @param conversa the facade
     * @return the lifecycle bean
     */
    @Bean
    ConversaLifecycle conversaLifecycle(Conversa conversa) {
        return new ConversaLifecycle(conversa);
    }

    private static void registerAccounts(Conversa conversa, List<ConversaProperties.Account> accounts) {
        for (int i = 0; i < accounts.size(); i++) {
            ConversaProperties.Account account = accounts.get(i);
            String prefix = "conversa.accounts[" + i + "].";
            conversa.registerAccount(ChannelAccount.of(
                    TenantId.of(required(account.getTenant(), prefix + "tenant")),
                    ChannelType.of(required(account.getChannel(), prefix + "channel")),
                    required(account.getAccountId(), prefix + "account-id"),
                    Secret.of(required(account.getToken(), prefix + "token"))));
        }
    }

    private static String required(String value, String property) {
        if (isBlank(value)) {
            throw new IllegalStateException(property + " is required for every configured account");
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The channels of the channel modules on the classpath; WhatsApp always. */
    @Configuration(proxyBeanMethods = false)
    static class ChannelsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "conversa.whatsapp", name = "enabled", matchIfMissing = true)
        WhatsAppChannel conversaWhatsAppChannel() {
            return WhatsAppChannel.create();
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "dev.conversa.messenger.MessengerChannel")
        @ConditionalOnProperty(prefix = "conversa.messenger", name = "enabled", matchIfMissing = true)
        static class MessengerConfiguration {

            @Bean
            @ConditionalOnMissingBean
            dev.conversa.messenger.MessengerChannel conversaMessengerChannel() {
                return dev.conversa.messenger.MessengerChannel.create();
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "dev.conversa.instagram.InstagramChannel")
        @ConditionalOnProperty(prefix = "conversa.instagram", name = "enabled", matchIfMissing = true)
        static class InstagramConfiguration {

            @Bean
            @ConditionalOnMissingBean
            dev.conversa.instagram.InstagramChannel conversaInstagramChannel() {
                return dev.conversa.instagram.InstagramChannel.create();
            }
        }
    }

    /** The webhook servlet, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Servlet.class, ServletRegistrationBean.class})
    static class WebhookServletConfiguration {

        @Bean(WEBHOOK_SERVLET_BEAN)
        @ConditionalOnMissingBean(name = WEBHOOK_SERVLET_BEAN)
        ServletRegistrationBean<HttpServlet> conversaWebhookServlet(Conversa conversa,
                ConversaProperties properties, ObjectProvider<WebhookOutcomes> outcomes) {
            ConversaProperties.Webhook webhook = properties.getWebhook();
            ConversaWebhookServlet servlet = new ConversaWebhookServlet(conversa.webhooks().toBuilder()
                    .maxBodyBytes(webhook.getMaxBodyBytes())
                    .replayWindow(webhook.getReplayWindow())
                    .build());
            WebhookOutcomes metered = outcomes.getIfAvailable();
            HttpServlet served = metered == null ? servlet : new MeteredWebhookServlet(servlet, metered);
            ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(served, webhook.getPath());
            registration.setName(ConversaWebhookServlet.SERVLET_NAME);
            registration.setLoadOnStartup(1);
            return registration;
        }
    }
}
