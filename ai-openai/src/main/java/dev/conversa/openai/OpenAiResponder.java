package dev.conversa.openai;

import dev.conversa.model.OutboundContent;
import dev.conversa.model.Text;
import dev.conversa.openai.internal.OpenAiCallException;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Responder} backed by the OpenAI Chat Completions API, or any endpoint that speaks it
 * (Azure OpenAI's v1 API, a local server), over {@code java.net.http}.
 *
 * <p>Each reply sends the tenant's {@link TenantProfile}, the channel's formatting rules and
 * length limit, the contact's name (never the phone number) and the conversation's recent
 * history, trimmed to a budget, with {@code store: false}. The answer, and the fallback message,
 * are cut into messages that fit the channel at sentence boundaries. The built-in
 * {@code handoff_to_human} tool turns into {@link Reply.Handoff}; host {@link Tool}s run in a
 * bounded loop until the model answers.
 *
 * <p>This responder never throws for a failed call and never sends a partial answer: on a
 * timeout, a refusal, an empty, cut or unreadable answer, or exhausted retries, the customer gets
 * the configured fallback message, and the conversation goes to a person when
 * {@link OpenAiResponderBuilder#handoffOnFailure(boolean)} is set. The failure is logged at WARN
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

    private static final Logger log = LoggerFactory.getLogger(OpenAiResponder.class);

    private final Settings settings;
    private final PromptComposer composer;
    private final ToolLoop loop;
    private final ReplySplitter splitter;
    private final AgentAssist agentAssist;

    OpenAiResponder(Settings settings, ToolLoop loop, ModelClient model) {
        this.settings = settings;
        this.composer = new PromptComposer(settings);
        this.loop = loop;
        this.splitter = new ReplySplitter(settings.maxMessagesPerReply());
        this.agentAssist = new AgentAssist(model, composer, settings);
    }

    /**
     * Starts configuring a responder; only the API key is required.
     *
     * @return a new builder
     */
    public static OpenAiResponderBuilder builder() {
        return new OpenAiResponderBuilder();
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
        if (request.unanswered().isEmpty()) {
            return Reply.silence();
        }
        try {
            LoopResult result = loop.run(request, composer.compose(request, true));
            if (result instanceof LoopResult.Handoff handoff) {
                return new Reply.Handoff(Optional.of(settings.handoffMessage()), handoff.reason());
            }
            return answer(((LoopResult.Answer) result).text(), request.capabilities().maxTextLength());
        } catch (OpenAiCallException e) {
            log.warn("no usable answer from the model for tenant {}: {}", request.conversation().tenant(), e.getMessage());
            return fallback(e.kind(), request.capabilities().maxTextLength());
        }
    }

    /**
     * Help for the human agents of a conversation (a suggested reply, a summary) from the same
     * client and settings.
     *
     * @return the agent assist
     */
    public AgentAssist agentAssist() {
        return agentAssist;
    }

    private Reply answer(String text, int maxLength) {
        List<OutboundContent> messages = splitter.split(text, maxLength).stream()
                .<OutboundContent>map(Text::new)
                .toList();
        return new Reply.Answer(messages);
    }

    private Reply fallback(OpenAiCallException.Kind kind, int maxLength) {
        if (settings.handoffOnFailure()) {
            return new Reply.Handoff(Optional.of(settings.fallbackMessage()), "the assistant could not answer: " + kind);
        }
        return answer(settings.fallbackMessage(), maxLength);
    }

    /** Shows the settings, never the API key. */
    @Override
    public String toString() {
        return "OpenAiResponder[" + settings + "]";
    }
}
