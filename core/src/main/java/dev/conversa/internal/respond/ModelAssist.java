package dev.conversa.internal.respond;

import dev.conversa.respond.AgentAssist;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.Sentiment;
import dev.conversa.respond.SentimentReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@link AgentAssist} over a responder's model, prompt and settings; no tools run. */
final class ModelAssist implements AgentAssist {

    private static final Logger log = LoggerFactory.getLogger(ModelAssist.class);
    private static final String SUGGEST = "Draft the business's next message to the customer. A human agent will "
            + "review it before sending. Write only the message itself.";
    private static final String SUMMARIZE = "Summarize this customer conversation for a human agent who is taking "
            + "over, in at most three short sentences: what the customer wants, what they were already told, and "
            + "what is still open. Write only the summary.";
    private static final String SENTIMENT = "Read this customer conversation for a human agent who is taking over. "
            + "Answer with one JSON object and nothing else: {\"sentiment\": \"positive\", \"neutral\" or "
            + "\"negative\" (how the customer feels now), \"intent\": what the customer wants, in at most six words, "
            + "\"reason\": why you chose the sentiment, in one short sentence}.";
    private static final String NO_ANSWER = "the model gave no usable answer";

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
        List<PromptMessage> messages = new ArrayList<>();
        messages.add(new PromptMessage.System(SUMMARIZE));
        messages.add(new PromptMessage.User(transcript(request)));
        return ask(request, messages);
    }

    @Override
    public SentimentReading sentiment(ResponderRequest request) {
        List<PromptMessage> messages = new ArrayList<>();
        messages.add(new PromptMessage.System(SENTIMENT));
        messages.add(new PromptMessage.User(transcript(request)));
        Optional<String> answer = ask(request, messages);
        if (answer.isEmpty()) {
            return SentimentReading.unavailable(NO_ANSWER);
        }
        return parse(answer.get()).map(SentimentReading::of).orElseGet(() -> {
            log.warn("agent assist could not read the model's sentiment answer for tenant {}",
                    request.conversation().tenant());
            return SentimentReading.unavailable("the model's answer was not a sentiment reading");
        });
    }

    private static Optional<Sentiment> parse(String answer) {
        String json = answer.strip();
        int start = json.indexOf('{');
        int end = json.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        try {
            JsonNode node = ToolJson.readTree(json.substring(start, end + 1));
            Optional<Sentiment.Label> label = Sentiment.Label.parse(node.path("sentiment").asString(null));
            String intent = node.path("intent").asString("").strip();
            String reason = node.path("reason").asString("").strip();
            return label.map(l -> new Sentiment(l, intent, reason));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private String transcript(ResponderRequest request) {
        StringBuilder transcript = new StringBuilder();
        for (PromptMessage message : composer.history(request)) {
            if (message instanceof PromptMessage.User user) {
                transcript.append("Customer: ").append(user.text()).append('\n');
            } else if (message instanceof PromptMessage.Assistant assistant) {
                transcript.append("Business: ").append(assistant.text()).append('\n');
            }
        }
        return transcript.toString().strip();
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
