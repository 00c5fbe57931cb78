package dev.conversa.internal.respond;

import dev.conversa.model.OutboundContent;
import dev.conversa.model.Text;
import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.Reply;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.SentimentReading;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an AI responder does around the model call: silence when nothing waits, the prompt, the
 * tool loop, the handoff, the answer cut to fit the channel, and the fallback (or a handoff) when
 * the model gives no usable answer. The public responders delegate to it.
 *
 * <p><b>Internal:</b> not part of the public API. Immutable and thread-safe.
 */
public final class ModelResponder {

    private static final Logger log = LoggerFactory.getLogger(ModelResponder.class);

    private final Settings settings;
    private final PromptComposer composer;
    private final ToolLoop loop;
    private final ReplySplitter splitter;
    private final ModelAssist assist;
    private final boolean toolCalling;

    private ModelResponder(Settings settings, MeteredModel model, ToolLoop loop, boolean toolCalling) {
        this.settings = settings;
        this.composer = new PromptComposer(settings);
        this.loop = loop;
        this.splitter = new ReplySplitter(settings.maxMessagesPerReply());
        this.assist = new ModelAssist(model, composer);
        this.toolCalling = toolCalling;
    }

    /**
     * Builds the shared part of a responder.
     *
     * @param options the shared settings, already validated
     * @param backend how this responder calls its model
     * @param modelName the model's name, for usage when the provider does not name it
     * @param toolCalling whether the model is offered tools; without, the handoff tool is not
     *     offered and the model only answers with text
     * @return the responder core
     * @throws IllegalStateException if host tools are set while tool calling is off
     */
    public static ModelResponder create(ResponderOptions options, ChatBackend backend, String modelName,
            boolean toolCalling) {
        options.validate();
        if (!toolCalling && !options.tools().isEmpty()) {
            throw new IllegalStateException("toolCalling is off, so the host tools cannot run: remove the tools"
                    + " or turn toolCalling on");
        }
        Settings settings = options.settings();
        MeteredModel model = new MeteredModel(backend, modelName, options.usageListener());
        ToolLoop loop = new ToolLoop(model, options.toolsByName(), settings.maxToolRounds(), toolCalling,
                options.handoffQueues().keySet());
        return new ModelResponder(settings, model, loop, toolCalling);
    }

    /**
     * Answers the customer's waiting messages.
     *
     * @param request the conversation
     * @return the answer, a handoff, the fallback, or silence when nothing waits
     */
    public Reply respond(ResponderRequest request) {
        if (request.unanswered().isEmpty()) {
            return Reply.silence();
        }
        try {
            LoopResult result = loop.run(request, composer.compose(request, toolCalling));
            if (result instanceof LoopResult.Handoff handoff) {
                return new Reply.Handoff(Optional.of(settings.handoffMessage()), handoff.reason(), handoff.queue());
            }
            return answer(((LoopResult.Answer) result).text(), request.capabilities().maxTextLength());
        } catch (ModelCallException e) {
            log.warn("no usable answer from the model for tenant {}: {}", request.conversation().tenant(), e.getMessage());
            return fallback(e.kind(), request.capabilities().maxTextLength());
        }
    }

    /**
     * The agent assist over the same model and settings.
     *
     * @return the agent assist
     */
    public AgentAssist agentAssist() {
        return assist;
    }

    /**
     * Reads the customer's sentiment and intent through the agent assist.
     *
     * @param request the conversation and its history
     * @return the reading, or none with the reason
     */
    public SentimentReading sentiment(ResponderRequest request) {
        return assist.sentiment(request);
    }

    private Reply answer(String text, int maxLength) {
        List<OutboundContent> messages = splitter.split(text, maxLength).stream()
                .<OutboundContent>map(Text::new)
                .toList();
        return new Reply.Answer(messages);
    }

    private Reply fallback(ModelCallException.Kind kind, int maxLength) {
        if (settings.handoffOnFailure()) {
            return new Reply.Handoff(Optional.of(settings.fallbackMessage()), "the assistant could not answer: " + kind);
        }
        return answer(settings.fallbackMessage(), maxLength);
    }

    /** The shared settings, never a secret or a text. */
    @Override
    public String toString() {
        return settings + ", toolCalling=" + toolCalling;
    }
}
