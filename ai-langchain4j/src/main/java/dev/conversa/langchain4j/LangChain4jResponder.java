package dev.conversa.langchain4j;

import dev.conversa.internal.respond.HandoffTool;
import dev.conversa.internal.respond.ModelResponder;
import dev.conversa.internal.respond.ResponderOptions;
import dev.conversa.langchain4j.internal.SchemaConverter;
import dev.conversa.model.TenantId;
import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.SentimentReading;
import dev.conversa.respond.TenantProfile;
import dev.conversa.respond.Tool;
import dev.conversa.respond.UsageListener;
import dev.conversa.respond.UsageMeter;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Responder} backed by a LangChain4j {@link ChatModel} the host configured: Anthropic,
 * Gemini, Azure OpenAI, Ollama, Bedrock or any other provider module of LangChain4j. It behaves
 * like {@code OpenAiResponder} of {@code conversa-openai}, with the same code: the system prompt
 * from the tenant's {@link TenantProfile}, the channel's formatting rules and length limit, the
 * contact's name (never the phone number), the recent history trimmed to a budget, with e-mail
 * addresses and phone numbers masked; the built-in {@code handoff_to_human} tool and the host's
 * {@link Tool}s as LangChain4j {@link ToolSpecification}s, run in a bounded loop; the answer cut
 * into messages that fit the channel; token usage to the {@link UsageListener}.
 *
 * <p>This responder never throws for a failed call and never sends a partial answer: on a
 * timeout, a refusal or content filter, an empty or cut answer, or any exception of the model
 * (after the provider's own retries), the customer gets the configured fallback message, and the
 * conversation goes to a person when {@link Builder#handoffOnFailure(boolean)} is set. The
 * failure is logged at WARN with its kind only.
 *
 * <p><b>What the provider decides.</b> The wait is bounded by the model's own timeout (for
 * example {@code AnthropicChatModel.builder().timeout(...)}), and retries are the model's own
 * ({@code maxRetries}): set both on the model. A model that cannot call tools still answers: a
 * request with tools that it rejects as unsupported is sent again without them, or turn
 * {@link Builder#toolCalling(boolean)} off; then the model cannot hand off, and the conversation
 * goes to a person only through Conversa's keyword handoff. Data retention is the provider's:
 * {@code OpenAiResponder} sends {@code store: false}, but LangChain4j has no such request setting
 * for every provider, so this responder cannot tell a provider not to keep the prompt. Configure
 * it on the model where the provider offers it (for example {@code store(false)} on LangChain4j's
 * {@code OpenAiChatModel}), or choose a provider or account whose retention terms fit; providers
 * with no such switch keep what their terms say.
 *
 * <p>Immutable and thread-safe when the model is (LangChain4j's provider models are): build one
 * and share it across conversations.
 *
 * <pre>{@code
 * ChatModel claude = AnthropicChatModel.builder()
 *     .apiKey(System.getenv("ANTHROPIC_API_KEY"))
 *     .modelName("claude-haiku-4-5")
 *     .timeout(Duration.ofSeconds(30))
 *     .build();
 * LangChain4jResponder responder = LangChain4jResponder.builder()
 *     .chatModel(claude)
 *     .profiles(tenant -> TenantProfile.of("You answer for Rosa's Bakery."))
 *     .usageListener(new UsageMeter())
 *     .build();
 * }</pre>
 *
 * @see <a href="https://docs.langchain4j.dev/tutorials/chat-and-language-models">LangChain4j chat models</a>
 */
public final class LangChain4jResponder implements Responder {

    private final ModelResponder shared;
    private final String modelName;
    private final Builder configuration;

    private LangChain4jResponder(ModelResponder shared, String modelName, Builder configuration) {
        this.shared = shared;
        this.modelName = modelName;
        this.configuration = configuration;
    }

    /**
     * Starts configuring a responder; only the chat model is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this responder's settings (the same model included), to build one that
     * differs in some of them; this responder is left as it is.
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
     * model and settings.
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

    /** Shows the model's name and the settings, never a text. */
    @Override
    public String toString() {
        return "LangChain4jResponder[model=" + modelName + ", " + shared + "]";
    }

    /**
     * Configures a {@link LangChain4jResponder}. Every setting but the chat model has a default;
     * setters only store, and {@link #build()} checks the whole.
     *
     * <p>Not thread-safe; the responder it builds is.
     */
    public static final class Builder {

        private ChatModel chatModel;
        private boolean toolCalling = true;
        private final ResponderOptions shared;

        Builder() {
            shared = new ResponderOptions();
        }

        private Builder(Builder other) {
            chatModel = other.chatModel;
            toolCalling = other.toolCalling;
            shared = other.shared.copy();
        }

        /**
         * The model that answers, configured by the host with its provider module (API key,
         * model name, timeout, retries, output token limit, temperature); required.
         *
         * @param chatModel the model
         * @return this builder
         */
        public Builder chatModel(ChatModel chatModel) {
            this.chatModel = Objects.requireNonNull(chatModel, "chatModel");
            return this;
        }

        /**
         * Whether the model is offered tools; default on. Off, the model is offered neither
         * {@code handoff_to_human} nor host tools and only answers with text, so a person takes
         * over only through Conversa's keyword handoff. Turn it off for a model without tool
         * calling that does not say so with LangChain4j's {@code UnsupportedFeatureException}.
         *
         * @param toolCalling whether to offer tools
         * @return this builder
         */
        public Builder toolCalling(boolean toolCalling) {
            this.toolCalling = toolCalling;
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
         * request after the last round forbids tool calls ({@code ToolChoice.NONE}), so one reply
         * makes at most {@code maxToolRounds + 1} requests.
         *
         * @param maxToolRounds 1 or more
         * @return this builder
         */
        public Builder maxToolRounds(int maxToolRounds) {
            shared.maxToolRounds(maxToolRounds);
            return this;
        }

        /**
         * How many messages one answer may be split into; default 3. A longer answer is shortened
         * at a sentence boundary.
         *
         * @param maxMessagesPerReply a positive number
         * @return this builder
         */
        public Builder maxMessagesPerReply(int maxMessagesPerReply) {
            shared.maxMessagesPerReply(maxMessagesPerReply);
            return this;
        }

        /**
         * Replaces e-mail addresses and phone numbers in the text sent to the model by
         * {@code [email]} and {@code [phone]}; default on. Turn it off only when the model must
         * repeat such numbers in its answers.
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
         * instructions. Called once per request; a null profile counts as
         * {@link TenantProfile#empty()}.
         *
         * @param profiles the profile of each tenant
         * @return this builder
         */
        public Builder profiles(Function<TenantId, TenantProfile> profiles) {
            shared.profiles(profiles);
            return this;
        }

        /**
         * Offers a host tool to the model, as a LangChain4j {@link ToolSpecification} made from
         * its JSON schema.
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
         * offer more. With {@link #toolCalling(boolean) tool calling} off, no handoff tool is
         * offered, so queues have no effect.
         *
         * <pre>{@code
         * LangChain4jResponder.builder().chatModel(model)
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
         * Whether a failed answer also hands the conversation to a person; default false.
         *
         * @param handoff whether to hand off
         * @return this builder
         */
        public Builder handoffOnFailure(boolean handoff) {
            shared.handoffOnFailure(handoff);
            return this;
        }

        /**
         * Hears every request's token usage, as the provider reports it; default none. Pass a
         * {@link UsageMeter} for totals per tenant; the same meter may hear an
         * {@code OpenAiResponder} too.
         *
         * @param usageListener the listener
         * @return this builder
         */
        public Builder usageListener(UsageListener usageListener) {
            shared.usageListener(usageListener);
            return this;
        }

        /**
         * Builds the responder.
         *
         * @return the responder, immutable and thread-safe when the model is
         * @throws IllegalStateException if the chat model is missing, a setting is out of range
         *     (naming it), two tools have the same name, or tools are set with tool calling off
         * @throws IllegalArgumentException if a tool's parameters schema is not a JSON object
         */
        public LangChain4jResponder build() {
            if (chatModel == null) {
                throw new IllegalStateException("chatModel is required: call LangChain4jResponder.builder()"
                        + ".chatModel(model), with a ChatModel of a LangChain4j provider module");
            }
            shared.validate();
            String modelName = modelName(chatModel);
            LangChain4jBackend backend = new LangChain4jBackend(chatModel, modelName, toolCalling ? specs() : List.of());
            return new LangChain4jResponder(ModelResponder.create(shared, backend, modelName, toolCalling), modelName,
                    new Builder(this));
        }

        private List<ToolSpecification> specs() {
            List<ToolSpecification> specs = new ArrayList<>();
            specs.add(SchemaConverter.toolSpecification(HandoffTool.NAME, HandoffTool.DESCRIPTION,
                    HandoffTool.schema(shared.handoffQueues())));
            shared.tools().forEach(tool -> specs.add(
                    SchemaConverter.toolSpecification(tool.name(), tool.description(), tool.parametersSchema())));
            return specs;
        }

        /** The model's configured name, for usage when an answer does not name it. */
        private static String modelName(ChatModel model) {
            String name = model.defaultRequestParameters() == null ? null : model.defaultRequestParameters().modelName();
            return name == null || name.isBlank() ? model.getClass().getSimpleName() : name;
        }
    }
}
