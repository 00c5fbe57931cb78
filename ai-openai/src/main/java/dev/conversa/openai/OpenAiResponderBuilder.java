package dev.conversa.openai;

import dev.conversa.Secret;
import dev.conversa.internal.http.RetryPolicy;
import dev.conversa.model.TenantId;
import dev.conversa.openai.internal.ChatCompletionsClient;
import dev.conversa.openai.internal.ClientConfig;
import dev.conversa.openai.internal.ToolSpec;
import dev.conversa.openai.internal.WireJson;
import dev.conversa.time.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Configures an {@link OpenAiResponder}. Every setting but the API key has a default; setters
 * check their argument at once and {@link #build()} checks the whole.
 *
 * <p>Not thread-safe; the responder it builds is.
 *
 * <p>(Over 400 lines: one documented setter per option; splitting them would scatter the one
 * place a host reads to configure the responder.)
 */
public final class OpenAiResponderBuilder {

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
    private int historyBudgetChars = 12_000;
    private int maxToolRounds = 3;
    private int maxMessagesPerReply = 3;
    private boolean maskPersonalData;
    private Function<TenantId, TenantProfile> profiles = tenant -> TenantProfile.empty();
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private String handoffMessage = "I'm passing you to a colleague, who will answer here as soon as possible.";
    private String fallbackMessage = "Sorry, I can't answer right now. Please write again in a few minutes.";
    private boolean handoffOnFailure;
    private UsageListener usageListener = UsageListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    OpenAiResponderBuilder() {}

    /**
     * The API key, sent as {@code Authorization: Bearer}; required. Never logged.
     *
     * @param apiKey the key
     * @return this builder
     */
    public OpenAiResponderBuilder apiKey(Secret apiKey) {
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
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public OpenAiResponderBuilder baseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL such as https://api.openai.com/v1");
        }
        this.baseUrl = baseUrl;
        return this;
    }

    /**
     * The API root as text; see {@link #baseUrl(URI)}.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http(s) URL
     */
    public OpenAiResponderBuilder baseUrl(String baseUrl) {
        return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
    }

    /**
     * The model; default {@code gpt-4o-mini}.
     *
     * @param model the model's name at the endpoint
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public OpenAiResponderBuilder model(String model) {
        this.model = requireText(model, "model");
        return this;
    }

    /**
     * The sampling temperature, 0 to 2; default not sent, so the model's own default applies.
     * A low value such as 0.3 gives steadier answers; reasoning models (the o-series, gpt-5)
     * accept only their default, so leave it unset for them.
     *
     * @param temperature the temperature
     * @return this builder
     * @throws IllegalArgumentException if it is outside 0 to 2
     */
    public OpenAiResponderBuilder temperature(double temperature) {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
        this.temperature = OptionalDouble.of(temperature);
        return this;
    }

    /**
     * The most tokens one answer may have, sent as {@code max_completion_tokens}; default 500.
     * An answer cut at this limit is never sent: the fallback is.
     *
     * @param maxOutputTokens a positive number
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public OpenAiResponderBuilder maxOutputTokens(int maxOutputTokens) {
        this.maxOutputTokens = requirePositive(maxOutputTokens, "maxOutputTokens");
        return this;
    }

    /**
     * How long to wait for a connection; default 5 s.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public OpenAiResponderBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
        return this;
    }

    /**
     * How long one attempt may take until the whole answer arrived; default 30 s. A timeout is
     * not retried: the customer gets the fallback.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public OpenAiResponderBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requirePositive(requestTimeout, "requestTimeout");
        return this;
    }

    /**
     * Sends the {@code OpenAI-Organization} header.
     *
     * @param organization the organization id
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public OpenAiResponderBuilder organization(String organization) {
        this.organization = Optional.of(requireText(organization, "organization"));
        return this;
    }

    /**
     * Sends the {@code OpenAI-Project} header.
     *
     * @param project the project id
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public OpenAiResponderBuilder project(String project) {
        this.project = Optional.of(requireText(project, "project"));
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
     * @throws IllegalArgumentException if {@code maxRetries} is negative, a duration is not
     *     positive, or {@code maxBackoff} is below {@code initialBackoff}
     */
    public OpenAiResponderBuilder retries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        requirePositive(initialBackoff, "initialBackoff");
        if (requirePositive(maxBackoff, "maxBackoff").compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        return this;
    }

    /**
     * How much history the model sees, in characters of message text; default 12,000 (about
     * 3,000 tokens). The oldest messages are dropped first; the messages waiting for an answer
     * are always sent.
     *
     * @param historyBudgetChars a positive number
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public OpenAiResponderBuilder historyBudgetChars(int historyBudgetChars) {
        this.historyBudgetChars = requirePositive(historyBudgetChars, "historyBudgetChars");
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
     * @throws IllegalArgumentException if it is below 1
     */
    public OpenAiResponderBuilder maxToolRounds(int maxToolRounds) {
        this.maxToolRounds = requirePositive(maxToolRounds, "maxToolRounds");
        return this;
    }

    /**
     * How many messages one answer may be split into; default 3. A longer answer is shortened at
     * a sentence boundary.
     *
     * @param maxMessagesPerReply a positive number
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public OpenAiResponderBuilder maxMessagesPerReply(int maxMessagesPerReply) {
        this.maxMessagesPerReply = requirePositive(maxMessagesPerReply, "maxMessagesPerReply");
        return this;
    }

    /**
     * Replaces e-mail addresses and phone numbers in the text sent to the model by
     * {@code [email]} and {@code [phone]}; default off. A phone number is 9 to 15 digits with
     * spaces, dots, dashes or brackets, or 7 to 15 after a {@code +}.
     *
     * @param mask whether to mask
     * @return this builder
     */
    public OpenAiResponderBuilder maskPersonalData(boolean mask) {
        this.maskPersonalData = mask;
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
    public OpenAiResponderBuilder profiles(Function<TenantId, TenantProfile> profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        return this;
    }

    /**
     * Offers a host tool to the model.
     *
     * @param tool the tool
     * @return this builder
     * @throws IllegalArgumentException if a tool of that name was added already
     */
    public OpenAiResponderBuilder tool(Tool tool) {
        Objects.requireNonNull(tool, "tool");
        if (tools.putIfAbsent(tool.name(), tool) != null) {
            throw new IllegalArgumentException("tool '" + tool.name() + "' was added twice");
        }
        return this;
    }

    /**
     * What the customer is told when the model hands the conversation to a person.
     *
     * @param handoffMessage the message, not blank
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public OpenAiResponderBuilder handoffMessage(String handoffMessage) {
        this.handoffMessage = requireText(handoffMessage, "handoffMessage");
        return this;
    }

    /**
     * What the customer is told when the model gives no usable answer.
     *
     * @param fallbackMessage the message, not blank
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public OpenAiResponderBuilder fallbackMessage(String fallbackMessage) {
        this.fallbackMessage = requireText(fallbackMessage, "fallbackMessage");
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
    public OpenAiResponderBuilder handoffOnFailure(boolean handoff) {
        this.handoffOnFailure = handoff;
        return this;
    }

    /**
     * Hears every request's token usage; default none. Pass a {@link UsageMeter} for totals per
     * tenant.
     *
     * @param usageListener the listener
     * @return this builder
     */
    public OpenAiResponderBuilder usageListener(UsageListener usageListener) {
        this.usageListener = Objects.requireNonNull(usageListener, "usageListener");
        return this;
    }

    /**
     * The clock, to read {@code Retry-After} dates; default the system clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public OpenAiResponderBuilder clock(Clock clock) {
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
    public OpenAiResponderBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Builds the responder.
     *
     * @return the responder, immutable and thread-safe
     * @throws IllegalStateException if the API key is missing
     * @throws IllegalArgumentException if a tool's parameters schema is not a JSON object
     */
    public OpenAiResponder build() {
        if (apiKey == null) {
            throw new IllegalStateException("apiKey is required: call apiKey(Secret.of(System.getenv(\"OPENAI_API_KEY\")))");
        }
        Settings settings = new Settings(model, temperature, maxOutputTokens, historyBudgetChars, maxToolRounds,
                maxMessagesPerReply, maskPersonalData ? PersonalDataMask.ON : PersonalDataMask.OFF, profiles,
                handoffMessage, fallbackMessage, handoffOnFailure);
        ClientConfig config = new ClientConfig(baseUrl, apiKey, organization, project, requestTimeout);
        RetryPolicy retry = RetryPolicy.of(maxRetries + 1, initialBackoff, maxBackoff, sleeper);
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        ModelClient client = new ModelClient(new ChatCompletionsClient(http, config, retry, clock), settings, usageListener);
        return new OpenAiResponder(settings, new ToolLoop(client, toolSpecs(), tools, maxToolRounds), client);
    }

    private List<ToolSpec> toolSpecs() {
        List<ToolSpec> specs = new ArrayList<>();
        specs.add(HandoffTool.spec());
        tools.values().forEach(tool -> specs.add(ToolSpec.function(
                tool.name(), tool.description(), WireJson.parseSchema(tool.parametersSchema(), tool.name()))));
        return specs;
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
