package dev.conversa.internal.respond;

import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.ResponderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AgentAssist} over a responder's model, prompt and settings; no tools run. */
final class ModelAssist implements AgentAssist {

    private static final Logger log = LoggerFactory.getLogger(ModelAssist.class);
    private static final String SUGGEST = "Draft the business's next message to the customer. A human agent will "
            + "review it before sending. Write only the message itself.";
    private static final String SUMMARIZE = "Summarize this customer conversation for a human agent who is taking "
            + "over, in at most three short sentences: what the customer wants, what they were already told, and "
            + "what is still open. Write only the summary.";

    private final MeteredModel model;
    private final PromptComposer composer;

    ModelAssist(MeteredModel model, PromptComposer composer) {
        this.model = model;
        this.composer = composer;
    }

    @Override
    public Optional<String> suggestReply(ResponderRequest request) {
        List<PromptMessage> messages = composer.compose(request, false);
        messages.add(new PromptMessage.System(SUGGEST));
        return ask(request, messages);
    }

    @Override
    public Optional<String> summarize(ResponderRequest request) {
        StringBuilder transcript = new StringBuilder();
        for (PromptMessage message : composer.history(request)) {
            if (message instanceof PromptMessage.User user) {
                transcript.append("Customer: ").append(user.text()).append('\n');
            } else if (message instanceof PromptMessage.Assistant assistant) {
                transcript.append("Business: ").append(assistant.text()).append('\n');
            }
        }
        List<PromptMessage> messages = new ArrayList<>();
        messages.add(new PromptMessage.System(SUMMARIZE));
        messages.add(new PromptMessage.User(transcript.toString().strip()));
        return ask(request, messages);
    }

    private Optional<String> ask(ResponderRequest request, List<PromptMessage> messages) {
        try {
            return Optional.of(model.chat(request.conversation().tenant(), messages, ChatBackend.ToolUse.NONE).usableText());
        } catch (ModelCallException e) {
            log.warn("agent assist got no usable answer for tenant {}: {}", request.conversation().tenant(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "AgentAssist[" + model.modelName() + "]";
    }
}
