// Over 400 lines: the nested Builder (docs/conventions.md) is most of this file.
package dev.conversa.openai;

import dev.conversa.internal.http.RetryPolicy;
import dev.conversa.internal.respond.HandoffTool;
import dev.conversa.internal.respond.ModelResponder;
import dev.conversa.internal.respond.ResponderOptions;
import dev.conversa.internal.respond.ToolJson;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.openai.internal.ChatCompletionsClient;
import dev.conversa.openai.internal.ClientConfig;
import dev.conversa.openai.internal.ToolSpec;
import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.SentimentReading;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.respond.UsageListener;
import dev.conversa.respond.UsageMeter;
import dev.conversa.time.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A {@link Responder} backed by the OpenAI Chat Completions API, or any endpoint that speaks it
 * (Azure OpenAI's v1 API, a local server), over {@code java.net.http}.
 *
 * <p>Each reply sends the tenant's {@link TenantProfile}, the channel's formatting rules and
 * length limit, the contact's name (never the phone number) and the conversation's recent
 * history, trimmed to a budget, with {@code store: false}. Phone numbers and e-mail addresses
 * in that text are masked unless {@link Builder#maskPersonalData(boolean)} turns it off. The
 * answer, and the fallback message, are cut into messages that fit the channel at sentence
 * boundaries. The built-in {@code handoff_to_human} tool turns into {@link Reply.Handoff}; host
 * {@link Tool}s run in a bounded loop until the model answers.
 *
 * <p>This responder never throws for a failed call and never sends a partial answer: on a
 * timeout, a refusal, an empty, cut or unreadable answer, or exhausted retries, the customer gets
 * the configured fallback message, and the conversation goes to a person when
 * {@link Builder#handoffOnFailure(boolean)} is set. The failure is logged at WARN
 * with its kind only; prompts, answers and the API key are never logged.
 *
 * <p>Immutable and thread-safe: build one and share it across conversations.
 *
 * <pre>{@code
 * UsageMeter usage = new UsageMeter();
 * OpenAiResponder responder = OpenAiResponder.builder()
 *     .apiKey(Secret.of(System.getenv("OPENAI_API_KEY")))
 *     .model("gpt-4o-mini")
 *     .profiles(tenant -> TenantProfile.of("You answer for Rosa's Bakery."))
 *     .usageListener(usage)
 *     .build();
 * }</pre>
 *
 * @see <a href="https://platform.openai.com/docs/api-reference/chat/create">Create chat completion</a>
 */
public final class OpenAiResponder implements Responder {

    private final ModelResponder shared;
    private final Builder configuration;

    private OpenAiResponder(ModelResponder shared, Builder configuration) {
        this.shared = shared;
        this.configuration = configuration;
    }

    /**
     * Starts configuring a responder; only the API key is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this responder's settings, to build one that differs in some of them
     * (another model, another fallback); this responder is left as it is.
     *
     * @return a new builder with this responder's settings
     */
    public Builder toBuilder() {
        return new Builder(configuration);
    }

    /**
     * Answers the customer's waiting messages.
     *
     * @param request the conversation, its history and the channel's capabilities
     * @return the answer in one or more text messages, a handoff when the model asked for a
     *     person, the fallback (or a handoff) when the model gave no usable answer, or silence
     *     when no customer message waits
     * @throws RuntimeException only what the host's profiles function throws; the dispatcher
     *     then retries the work
     */
    @Override
    public Reply respond(ResponderRequest request) {
        return shared.respond(request);
    }

    /**
     * Help for the human agents of a conversation (a suggested reply, a summary) from the same
     * client and settings.
     *
     * @return the agent assist
     */
    public AgentAssist agentAssist() {
        return shared.agentAssist();
    }

    /**
     * Reads the customer's sentiment and intent through {@link AgentAssist#sentiment}.
     *
     * @param request the conversation and its history
     * @return the reading, or none with the reason
     */
    @Override
    public SentimentReading sentiment(ResponderRequest request) {
        return shared.sentiment(request);
    }

    /** Shows the settings, never the API key. */
    @Override
    public String toString() {
        return "OpenAiResponder[model=" + configuration.model + ", temperature=" + configuration.temperature
                + ", maxOutputTokens=" + configuration.maxOutputTokens + ", " + shared + "]";
    }

    /**
     * Configures an {@link OpenAiResponder}. Every setting but the API key has a default; setters
     * check their argument at once and {@link #build()} checks the whole.
     *
     * <p>Not thread-safe; the responder it builds is.
     *
     * <p>(Over 400 lines: one documented setter per option; splitting them would scatter the one
     * place a host reads to configure the responder.)
     */
    public static final class Builder {

        /** The default base URL: OpenAI's API, version included. */
        public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");

        private Secret apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private String model = "gpt-4o-mini";
        private OptionalDouble temperature = OptionalDouble.empty();
        private int maxOutputTokens = 500;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Optional<String> organization = Optional.empty();
        private Optional<String> project = Optional.empty();
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private final ResponderOptions shared;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        Builder() {
            shared = new ResponderOptions();
        }

        private Builder(Builder other) {
            apiKey = other.apiKey;
            baseUrl = other.baseUrl;
            model = other.model;
            temperature = other.temperature;
            maxOutputTokens = other.maxOutputTokens;
            connectTimeout = other.connectTimeout;
            requestTimeout = other.requestTimeout;
            organization = other.organization;
            project = other.project;
            maxRetries = other.maxRetries;
            initialBackoff = other.initialBackoff;
            maxBackoff = other.maxBackoff;
            shared = other.shared.copy();
            clock = other.clock;
            sleeper = other.sleeper;
        }

        /**
         * The API key, sent as {@code Authorization: Bearer}; required. Never logged.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(Secret apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * The API root <em>including the version path</em>, as OpenAI's own SDKs take it; requests go
         * to {@code baseUrl + "/chat/completions"}. Default {@code https://api.openai.com/v1}; for a
         * local server, for example {@code http://127.0.0.1:11434/v1}.
         *
         * @param baseUrl an absolute http or https URL
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The API root as text; see {@link #baseUrl(URI)}.
         *
         * @param baseUrl an absolute http or https URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /**
         * The model; default {@code gpt-4o-mini}.
         *
         * @param model the model's name at the endpoint
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The sampling temperature, 0 to 2; default not sent, so the model's own default applies.
         * A low value such as 0.3 gives steadier answers; reasoning models (the o-series, gpt-5)
         * accept only their default, so leave it unset for them.
         *
         * @param temperature the temperature
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = OptionalDouble.of(temperature);
            return this;
        }

        /**
         * The most tokens one answer may have, sent as {@code max_completion_tokens}; default 500.
         * An answer cut at this limit is never sent: the fallback is.
         *
         * @param maxOutputTokens a positive number
         * @return this builder
         */
        public Builder maxOutputTokens(int maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /**
         * How long to wait for a connection; default 5 s.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long one attempt may take until the whole answer arrived; default 30 s. A timeout is
         * not retried: the customer gets the fallback.
         *
         * @param requestTimeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sends the {@code OpenAI-Organization} header.
         *
         * @param organization the organization id
         * @return this builder
         */
        public Builder organization(String organization) {
            this.organization = Optional.of(Objects.requireNonNull(organization, "organization"));
            return this;
        }

        /**
         * Sends the {@code OpenAI-Project} header.
         *
         * @param project the project id
         * @return this builder
         */
        public Builder project(String project) {
            this.project = Optional.of(Objects.requireNonNull(project, "project"));
            return this;
        }

        /**
         * Retries of 429, 5xx and connection errors after the first attempt; default 2. Each wait is
         * drawn at random up to {@code initialBackoff * 2^(retry-1)}, capped at {@code maxBackoff}.
         * A server's {@code retry-after-ms} or {@code Retry-After} is waited instead, unless it is
         * longer than {@code maxBackoff}: then the call gives up at once rather than keep the
         * customer waiting, and the fallback is sent.
         *
         * @param maxRetries 0 or more
         * @param initialBackoff the first backoff's ceiling; default 500 ms
         * @param maxBackoff the longest wait; default 20 s
         * @return this builder
         */
        public Builder retries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
            this.maxRetries = maxRetries;
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * How much history the model sees, in characters of message text; default 12,000 (about
         * 3,000 tokens). The oldest messages are dropped first; the messages waiting for an answer
         * are always sent.
         *
         * @param historyBudgetChars a positive number
         * @return this builder
         */
        public Builder historyBudgetChars(int historyBudgetChars) {
            shared.historyBudgetChars(historyBudgetChars);
            return this;
        }

        /**
         * How many rounds of host tools the model may run before it must answer; default 3. The
         * request after the last round forbids tool calls ({@code tool_choice: none}), so one reply
         * makes at most {@code maxToolRounds + 1} requests.
         *
         * @param maxToolRounds 1 or more: the first request always offers the tools, among them
         *     {@code handoff_to_human}
         * @return this builder
         */
        public Builder maxToolRounds(int maxToolRounds) {
            shared.maxToolRounds(maxToolRounds);
            return this;
        }

        /**
         * How many messages one answer may be split into; default 3. A longer answer is shortened at
         * a sentence boundary.
         *
         * @param maxMessagesPerReply a positive number
         * @return this builder
         */
        public Builder maxMessagesPerReply(int maxMessagesPerReply) {
            shared.maxMessagesPerReply(maxMessagesPerReply);
            return this;
        }

        /**
         * Replaces e-mail addresses and phone numbers in the text sent to the model (what the
         * customer and the business wrote, and the profile name) by {@code [email]} and
         * {@code [phone]}; default on, so the model receives the least personal data. A phone
         * number is 9 to 15 digits with spaces, dots, dashes or brackets, or 7 to 15 after a
         * {@code +}. Turn it off only when the model must repeat such numbers in its answers.
         *
         * @param mask whether to mask; {@code false} sends the text as written
         * @return this builder
         */
        public Builder maskPersonalData(boolean mask) {
            shared.maskPersonalData(mask);
            return this;
        }

        /**
         * Each tenant's instructions and business knowledge; default none, which uses generic
         * instructions. Called once per request, so it may read from the host's configuration; a
         * null profile counts as {@link TenantProfile#empty()}.
         *
         * @param profiles the profile of each tenant
         * @return this builder
         */
        public Builder profiles(Function<TenantId, TenantProfile> profiles) {
            shared.profiles(profiles);
            return this;
        }

        /**
         * Offers a host tool to the model.
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder tool(Tool tool) {
            shared.tool(tool);
            return this;
        }

        /**
         * Offers the model a queue (department) to hand a conversation to: the {@code
         * handoff_to_human} tool then has an optional {@code queue} argument, one of the queues
         * offered, which becomes {@link Reply.Handoff#queue()}; without it, or with an id not
         * offered, the conversation waits in the tenant's default queue. May be called again to
         * offer more.
         *
         * <pre>{@code
         * OpenAiResponder.builder().apiKey(key)
         *         .handoffQueue("sales", "Buying, prices and quotes")
         *         .handoffQueue("support", "Problems with an order or a product")
         *         .build();
         * }</pre>
         *
         * @param queueId the queue's id, as saved with {@code conversa.agents().saveQueue}: 1 to
         *     100 letters, digits or {@code _ . : -}
         * @param description what the queue handles, for the model; not blank
         * @return this builder
         * @throws IllegalArgumentException if the id is malformed or the description blank
         */
        public Builder handoffQueue(String queueId, String description) {
            shared.handoffQueue(queueId, description);
            return this;
        }

        /**
         * What the customer is told when the model hands the conversation to a person.
         *
         * @param handoffMessage the message, not blank
         * @return this builder
         */
        public Builder handoffMessage(String handoffMessage) {
            shared.handoffMessage(handoffMessage);
            return this;
        }

        /**
         * What the customer is told when the model gives no usable answer.
         *
         * @param fallbackMessage the message, not blank
         * @return this builder
         */
        public Builder fallbackMessage(String fallbackMessage) {
            shared.fallbackMessage(fallbackMessage);
            return this;
        }

        /**
         * Whether a failed answer also hands the conversation to a person; default false: the
         * fallback message is sent and the bot stays in charge, so a short outage does not leave
         * conversations waiting for agents. Turn it on when people watch the agent inbox, and word
         * the fallback message to match.
         *
         * @param handoff whether to hand off
         * @return this builder
         */
        public Builder handoffOnFailure(boolean handoff) {
            shared.handoffOnFailure(handoff);
            return this;
        }

        /**
         * Hears every request's token usage; default none. Pass a {@link UsageMeter} for totals per
         * tenant.
         *
         * @param usageListener the listener
         * @return this builder
         */
        public Builder usageListener(UsageListener usageListener) {
            shared.usageListener(usageListener);
            return this;
        }

        /**
         * The clock, to read {@code Retry-After} dates; default the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * What waits between retries; default {@link Sleeper#system()}. Tests pass one that
         * records the waits and returns at once.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the responder.
         *
         * @return the responder, immutable and thread-safe
         * @throws IllegalStateException if the API key is missing or a setting is out of range,
         *     naming the setting, or if two tools have the same name
         */
        public OpenAiResponder build() {
            validate();
            List<ToolSpec> specs = toolSpecs();
            ClientConfig config = new ClientConfig(baseUrl, apiKey, organization, project, requestTimeout);
            RetryPolicy retry = RetryPolicy.of(maxRetries + 1, initialBackoff, maxBackoff, sleeper);
            HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            OpenAiBackend backend = new OpenAiBackend(new ChatCompletionsClient(http, config, retry, clock), model,
                    temperature, maxOutputTokens, specs);
            return new OpenAiResponder(ModelResponder.create(shared, backend, model, true), new Builder(this));
        }

        private void validate() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required: call OpenAiResponder.builder()"
                        + ".apiKey(Secret.of(System.getenv(\"OPENAI_API_KEY\")))");
            }
            String scheme = baseUrl.getScheme();
            if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
                throw new IllegalStateException("baseUrl must be an absolute http(s) URL such as https://api.openai.com/v1");
            }
            ResponderOptions.requireText(model, "model");
            if (temperature.isPresent() && !(temperature.getAsDouble() >= 0 && temperature.getAsDouble() <= 2)) {
                throw new IllegalStateException("temperature must be between 0 and 2");
            }
            ResponderOptions.requirePositive(maxOutputTokens, "maxOutputTokens");
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            organization.ifPresent(value -> ResponderOptions.requireText(value, "organization"));
            project.ifPresent(value -> ResponderOptions.requireText(value, "project"));
            if (maxRetries < 0) {
                throw new IllegalStateException("maxRetries must not be negative");
            }
            requirePositive(initialBackoff, "initialBackoff");
            requirePositive(maxBackoff, "maxBackoff");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException("maxBackoff must not be below initialBackoff");
            }
            shared.validate();
        }

        private List<ToolSpec> toolSpecs() {
            List<ToolSpec> specs = new ArrayList<>();
            specs.add(ToolSpec.function(HandoffTool.NAME, HandoffTool.DESCRIPTION,
                    ToolJson.parseSchema(HandoffTool.schema(shared.handoffQueues()), HandoffTool.NAME)));
            shared.tools().forEach(tool -> specs.add(ToolSpec.function(
                    tool.name(), tool.description(), ToolJson.parseSchema(tool.parametersSchema(), tool.name()))));
            return specs;
        }

        private static void requirePositive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalStateException(name + " must be positive, got " + value);
            }
        }
    }
}
