package dev.conversa.messenger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.lang.ConversaException;
import dev.conversa.messenger.platform.internal.GraphJson;
import dev.conversa.model.ChannelType;
import dev.conversa.model.SenderProfile;
import dev.conversa.privacy.ErasedPerson;
import dev.conversa.privacy.ErasureListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Looks up who a PSID or IGSID is (Messenger: name; Instagram: name and username), cached per
 * account and person. A lookup never fails: when Meta refuses (no consent, blocked, a
 * phone-number account, an expired token) or cannot be reached, the result is
 * {@link SenderProfile#UNKNOWN}, logged at DEBUG and not cached, so a later call tries again.
 *
 * <pre>{@code
 * SenderProfiles profiles = SenderProfiles.builder().graph(graph).build();
 * SenderProfile who = profiles.lookup(account, psid);
 * }</pre>
 *
 * <p>An erasure must reach the cache: register it as an {@link ErasureListener}
 * ({@code Conversa.builder().erasureListener(profiles)}).
 *
 * <p>Thread-safe. The cache does its maintenance (expiry, eviction) on the calling thread.
 */
public final class SenderProfiles implements ErasureListener {

    private static final Logger LOG = LoggerFactory.getLogger(SenderProfiles.class);

    private final GraphClient graph;
    private final URI instagramLoginBaseUrl;
    private final Duration timeToLive;
    private final long maximumSize;
    private final Clock clock;
    private final Cache<Key, SenderProfile> cache;

    private SenderProfiles(Builder builder) {
        this.graph = builder.graph;
        this.instagramLoginBaseUrl = builder.instagramLoginBaseUrl;
        this.timeToLive = builder.timeToLive;
        this.maximumSize = builder.maximumSize;
        this.clock = builder.clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maximumSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this lookup's settings, to build one that differs in some of them; this
     * lookup is left as it is. What is built from it starts with an empty cache.
     *
     * @return a new builder with this lookup's settings
     */
    public Builder toBuilder() {
        return new Builder().graph(graph).instagramLoginBaseUrl(instagramLoginBaseUrl).timeToLive(timeToLive)
                .maximumSize(maximumSize).clock(clock);
    }

    /**
     * The profile of a person who wrote to the account.
     *
     * @param account the Page or Instagram account the person wrote to, with its token
     * @param userId the PSID or IGSID
     * @return the profile, or {@link SenderProfile#UNKNOWN} when Meta did not give it
     */
    public SenderProfile lookup(ChannelAccount account, String userId) {
        Key key = new Key(account.tenant().value(), account.channel(), account.accountId(), userId);
        SenderProfile cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        try {
            SenderProfile profile = fetch(account, userId);
            cache.put(key, profile);
            return profile;
        } catch (ConversaException e) {
            LOG.debug("Profile lookup failed on {} account {}: {}", account.channel(), account.accountId(), e.getMessage());
            return SenderProfile.UNKNOWN;
        }
    }

    /**
     * Forgets every cached profile of an erased person in their tenant, whatever the account:
     * register this cache with {@code Conversa.Builder.erasureListener(profiles)} so an erasure
     * leaves no name of the person in memory.
     *
     * @param person the erased person
     */
    @Override
    public void erased(ErasedPerson person) {
        Set<String> ids = Set.copyOf(person.allIds());
        String tenant = person.tenant().value();
        cache.asMap().keySet().removeIf(key -> key.tenant().equals(tenant) && ids.contains(key.userId()));
    }

    private SenderProfile fetch(ChannelAccount account, String userId) {
        boolean instagram = ChannelType.INSTAGRAM.equals(account.channel());
        GraphClient client = PageConnector.usesInstagramLogin(account)
                ? graph.withBaseUrl(instagramLoginBaseUrl) : graph;
        String fields = instagram ? "name,username" : "name,first_name,last_name";
        JsonNode answer = GraphJson.read(client.execute(GraphRequest.get("/" + userId, Map.of("fields", fields)),
                account.accessToken()), "the profile");
        Optional<String> name = GraphJson.text(answer, "name").or(() -> fullName(answer));
        return new SenderProfile(name, instagram ? GraphJson.text(answer, "username") : Optional.empty(),
                Optional.empty());
    }

    private static Optional<String> fullName(JsonNode answer) {
        String full = (GraphJson.text(answer, "first_name").orElse("") + " "
                + GraphJson.text(answer, "last_name").orElse("")).trim();
        return full.isEmpty() ? Optional.empty() : Optional.of(full);
    }

    private record Key(String tenant, ChannelType channel, String accountId, String userId) {}

    /** Configures {@link SenderProfiles}. Not thread-safe; build once. */
    public static final class Builder {

        private GraphClient graph;
        private URI instagramLoginBaseUrl = URI.create("https://graph.instagram.com");
        private Duration timeToLive = Duration.ofHours(24);
        private long maximumSize = 10_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The Graph API client (required).
         *
         * @param graph the client
         * @return this builder
         */
        public Builder graph(GraphClient graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            return this;
        }

        /**
         * The host for Instagram Login accounts; default {@code https://graph.instagram.com}.
         *
         * @param baseUrl the base URL
         * @return this builder
         */
        public Builder instagramLoginBaseUrl(URI baseUrl) {
            this.instagramLoginBaseUrl = Objects.requireNonNull(baseUrl, "instagramLoginBaseUrl");
            return this;
        }

        /**
         * How long a profile stays cached; default 24 hours (names change, and Meta's consent
         * may be withdrawn).
         *
         * @param timeToLive a positive duration; {@link #build()} refuses others
         * @return this builder
         */
        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
            return this;
        }

        /**
         * The most profiles kept; default 10,000.
         *
         * @param maximumSize a positive count; {@link #build()} refuses others
         * @return this builder
         */
        public Builder maximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * The clock the cache expires by; default the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the lookup.
         *
         * @return the lookup
         * @throws IllegalStateException if {@code graph} is missing, or {@code timeToLive} or
         *     {@code maximumSize} is not positive
         */
        public SenderProfiles build() {
            if (graph == null) {
                throw new IllegalStateException(
                        "graph is required: call SenderProfiles.builder().graph(GraphClient.builder()...build())");
            }
            if (timeToLive.isNegative() || timeToLive.isZero()) {
                throw new IllegalStateException("timeToLive must be positive; got " + timeToLive);
            }
            if (maximumSize <= 0) {
                throw new IllegalStateException("maximumSize must be positive; got " + maximumSize);
            }
            return new SenderProfiles(this);
        }
    }
}
