package dev.conversa.openai;

import dev.conversa.openai.internal.ChatMessage;
import dev.conversa.openai.internal.OpenAiCallException;
import dev.conversa.respond.ResponderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helps the human agent who took over a conversation: drafts a reply for them to edit and send,
 * and summarizes the conversation so far. Uses the responder's client, model, tenant profiles,
 * history budget and masking; no tools run, and usage is reported like any other request.
 *
 * <p>Obtained from {@link OpenAiResponder#agentAssist()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Optional<String> draft = responder.agentAssist().suggestReply(request);
 * }</pre>
 */
public final class AgentAssist {

    private static final Logger log = LoggerFactory.getLogger(AgentAssist.class);
    private static final String SUGGEST = "Draft the business's next message to the customer. A human agent will "
            + "review it before sending. Write only the message itself.";
    private static final String SUMMARIZE = "Summarize this customer conversation for a human agent who is taking "
            + "over, in at most three short sentences: what the customer wants, what they were already told, and "
            + "what is still open. Write only the summary.";

    private final ModelClient model;
    private final PromptComposer composer;
    private final Settings settings;

    AgentAssist(ModelClient model, PromptComposer composer, Settings settings) {
        this.model = model;
        this.composer = composer;
        this.settings = settings;
    }

    /**
     * Drafts the next reply for a human agent.
     *
     * @param request the conversation and its history
     * @return the draft, or empty when the model gave no usable answer (the failure is logged)
     */
    public Optional<String> suggestReply(ResponderRequest request) {
        List<ChatMessage> messages = composer.compose(request, false);
        messages.add(ChatMessage.system(SUGGEST));
        return ask(request, messages);
    }

    /**
     * Summarizes the conversation for a human agent.
     *
     * @param request the conversation and its history
     * @return the summary, or empty when the model gave no usable answer (the failure is logged)
     */
    public Optional<String> summarize(ResponderRequest request) {
        StringBuilder transcript = new StringBuilder();
        for (ChatMessage message : composer.history(request)) {
            transcript.append("user".equals(message.role()) ? "Customer: " : "Business: ")
                    .append(message.content()).append('\n');
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(SUMMARIZE));
        messages.add(ChatMessage.user(transcript.toString().strip()));
        return ask(request, messages);
    }

    private Optional<String> ask(ResponderRequest request, List<ChatMessage> messages) {
        try {
            return Optional.of(ModelClient.usableText(
                    model.complete(request.conversation().tenant(), messages, List.of(), false).choices().get(0)));
        } catch (OpenAiCallException e) {
            log.warn("agent assist got no usable answer for tenant {}: {}", request.conversation().tenant(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AgentAssist[" + settings.model() + "]";
    }
}
