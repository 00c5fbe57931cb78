package dev.conversa.spring.boot;

import dev.conversa.Conversa;
import dev.conversa.pipeline.Step;
import dev.conversa.webhook.WebhookHandler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code conversa.*} properties the starter builds {@link Conversa} from. Only
 * {@code conversa.app-secrets} and {@code conversa.verify-token} are required (and
 * {@code conversa.store.token-key} when the application has a {@code DataSource}); start-up
 * fails with a message naming the property that is missing.
 *
 * <p>Secrets are held as strings only while the context starts and are handed to Conversa as
 * {@code Secret}; this class does not override {@code toString()}, and Actuator's
 * {@code configprops} endpoint masks values by default.
 *
 * <p>A mutable JavaBean, as Spring binds it; not meant to be shared across threads.
 */
@ConfigurationProperties(prefix = "conversa")
public class ConversaProperties {

    /** Meta app secrets that sign webhooks; several during a rotation. Required. */
    private List<String> appSecrets = new ArrayList<>();

    /** The verify token chosen when subscribing the webhook in the App Dashboard. Required. */
    private String verifyToken;

    /** Accounts to register at start-up; leave empty when the application registers accounts in code. */
    private List<Account> accounts = new ArrayList<>();

    /** The built-in step that application {@code Middleware} beans run before. */
    private Step middlewareBefore = Step.RESPOND;

    /** How long the customer must be quiet before one reply answers the whole burst of messages. */
    private Duration burstQuietWindow = Conversa.Builder.DEFAULT_BURST_QUIET_WINDOW;

    /** The longest a reply waits for a burst of messages to end. */
    private Duration burstMaxWait = Conversa.Builder.DEFAULT_BURST_MAX_WAIT;

    private final Webhook webhook = new Webhook();
    private final Graph graph = new Graph();
    private final OpenAi openai = new OpenAi();
    private final Store store = new Store();

    /** @return the app secrets */
    public List<String> getAppSecrets() {
        return appSecrets;
    }

    /** @param appSecrets the app secrets */
    public void setAppSecrets(List<String> appSecrets) {
        this.appSecrets = appSecrets;
    }

    /** @return the verify token */
    public String getVerifyToken() {
        return verifyToken;
    }

    /** @param verifyToken the verify token */
    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    /** @return the accounts to register */
    public List<Account> getAccounts() {
        return accounts;
    }

    /** @param accounts the accounts to register */
    public void setAccounts(List<Account> accounts) {
        this.accounts = accounts;
    }

    /** @return the step middleware beans run before */
    public Step getMiddlewareBefore() {
        return middlewareBefore;
    }

    /** @param middlewareBefore the step middleware beans run before */
    public void setMiddlewareBefore(Step middlewareBefore) {
        this.middlewareBefore = middlewareBefore;
    }

    /** @return the quiet window of burst coalescing */
    public Duration getBurstQuietWindow() {
        return burstQuietWindow;
    }

    /** @param burstQuietWindow the quiet window of burst coalescing */
    public void setBurstQuietWindow(Duration burstQuietWindow) {
        this.burstQuietWindow = burstQuietWindow;
    }

    /** @return the longest wait of burst coalescing */
    public Duration getBurstMaxWait() {
        return burstMaxWait;
    }

    /** @param burstMaxWait the longest wait of burst coalescing */
    public void setBurstMaxWait(Duration burstMaxWait) {
        this.burstMaxWait = burstMaxWait;
    }

    /** @return the webhook settings */
    public Webhook getWebhook() {
        return webhook;
    }

    /** @return the Graph API settings */
    public Graph getGraph() {
        return graph;
    }

    /** @return the OpenAI settings */
    public OpenAi getOpenai() {
        return openai;
    }

    /** @return the store settings */
    public Store getStore() {
        return store;
    }

    /** The webhook endpoint ({@code conversa.webhook.*}). */
    public static class Webhook {

        /** The path the webhook servlet is mapped to: the callback URL's path in the App Dashboard. */
        private String path = "/webhook";

        /** The largest body accepted, in bytes; larger ones are answered 413 without being read. */
        private int maxBodyBytes = WebhookHandler.Builder.DEFAULT_MAX_BODY_BYTES;

        /** Events older than this are acknowledged but not stored. */
        private Duration replayWindow = WebhookHandler.Builder.DEFAULT_REPLAY_WINDOW;

        /** @return the path */
        public String getPath() {
            return path;
        }

        /** @param path the path */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the body limit in bytes */
        public int getMaxBodyBytes() {
            return maxBodyBytes;
        }

        /** @param maxBodyBytes the body limit in bytes */
        public void setMaxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        /** @return the replay window */
        public Duration getReplayWindow() {
            return replayWindow;
        }

        /** @param replayWindow the replay window */
        public void setReplayWindow(Duration replayWindow) {
            this.replayWindow = replayWindow;
        }
    }

    /** The Graph API client ({@code conversa.graph.*}). */
    public static class Graph {

        /** The Graph API base URL; default Meta's. */
        private URI baseUrl;

        /** The Graph API version, such as {@code v23.0}; default the client's. */
        private String version;

        /** Allows plain http to a loopback address, for a Graph stand-in in tests only. */
        private boolean allowInsecureLoopbackForTests;

        /** @return the base URL, or null for Meta's */
        public URI getBaseUrl() {
            return baseUrl;
        }

        /** @param baseUrl the base URL */
        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** @return the API version, or null for the client's default */
        public String getVersion() {
            return version;
        }

        /** @param version the API version */
        public void setVersion(String version) {
            this.version = version;
        }

        /** @return whether plain http to loopback is allowed */
        public boolean isAllowInsecureLoopbackForTests() {
            return allowInsecureLoopbackForTests;
        }

        /** @param allow whether plain http to loopback is allowed */
        public void setAllowInsecureLoopbackForTests(boolean allow) {
            this.allowInsecureLoopbackForTests = allow;
        }
    }

    /** The OpenAI responder, used when {@code conversa-openai} is on the classpath and a key is set ({@code conversa.openai.*}). */
    public static class OpenAi {

        /** The API key; without it the rules responder answers. */
        private String apiKey;

        /** The model; default the responder's. */
        private String model;

        /** The base URL of the API or a compatible endpoint; default OpenAI's. */
        private URI baseUrl;

        /** @return the API key, or null */
        public String getApiKey() {
            return apiKey;
        }

        /** @param apiKey the API key */
        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        /** @return the model, or null for the default */
        public String getModel() {
            return model;
        }

        /** @param model the model */
        public void setModel(String model) {
            this.model = model;
        }

        /** @return the base URL, or null for OpenAI's */
        public URI getBaseUrl() {
            return baseUrl;
        }

        /** @param baseUrl the base URL */
        public void setBaseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
        }
    }

    /** The stores ({@code conversa.store.*}). */
    public static class Store {

        /**
         * The key that seals access tokens at rest: 32 random bytes, Base64. Required with a
         * {@code DataSource}; set it through the environment variable {@code CONVERSA_STORE_TOKENKEY}.
         */
        private String tokenKey;

        /** The id stored next to every sealed token, so keys can be rotated. */
        private String tokenKeyId = "k1";

        /** Runs the schema migrations at start-up; turn off when Flyway or Liquibase runs them. */
        private boolean migrate = true;

        /** @return the Base64 token key, or null */
        public String getTokenKey() {
            return tokenKey;
        }

        /** @param tokenKey the Base64 token key */
        public void setTokenKey(String tokenKey) {
            this.tokenKey = tokenKey;
        }

        /** @return the token key's id */
        public String getTokenKeyId() {
            return tokenKeyId;
        }

        /** @param tokenKeyId the token key's id */
        public void setTokenKeyId(String tokenKeyId) {
            this.tokenKeyId = tokenKeyId;
        }

        /** @return whether migrations run at start-up */
        public boolean isMigrate() {
            return migrate;
        }

        /** @param migrate whether migrations run at start-up */
        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /** An account to register at start-up ({@code conversa.accounts[n].*}). */
    public static class Account {

        /** The channel: {@code whatsapp}, {@code messenger} or {@code instagram}. */
        private String channel;

        /** The account id: the WhatsApp phone number id, the Page id or the Instagram account id. */
        private String accountId;

        /** The tenant the account belongs to. */
        private String tenant;

        /** The access token Conversa sends with. */
        private String token;

        /** @return the channel */
        public String getChannel() {
            return channel;
        }

        /** @param channel the channel */
        public void setChannel(String channel) {
            this.channel = channel;
        }

        /** @return the account id */
        public String getAccountId() {
            return accountId;
        }

        /** @param accountId the account id */
        public void setAccountId(String accountId) {
            this.accountId = accountId;
        }

        /** @return the tenant */
        public String getTenant() {
            return tenant;
        }

        /** @param tenant the tenant */
        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        /** @return the access token */
        public String getToken() {
            return token;
        }

        /** @param token the access token */
        public void setToken(String token) {
            this.token = token;
        }
    }
}
