package dev.conversa.openai;

import dev.conversa.openai.internal.ChatMessage;
import dev.conversa.openai.internal.OpenAiCallException;
import dev.conversa.openai.internal.WireJson;
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

/**
 * Helps the human agent who took over a conversation: drafts a reply for them to edit and send,
 * summarizes the conversation so far, and reads the customer's sentiment and intent. Uses the responder's client, model, tenant profiles,
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
    private static final String SENTIMENT = "Read this customer conversation for a human agent who is taking over. "
            + "Answer with one JSON object and nothing else: {\"sentiment\": \"positive\", \"neutral\" or "
            + "\"negative\" (how the customer feels now), \"intent\": what the customer wants, in at most six words, "
            + "\"reason\": why you chose the sentiment, in one short sentence}.";
    private static final String NO_ANSWER = "the model gave no usable answer";

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
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(SUMMARIZE));
        messages.add(ChatMessage.user(transcript(request)));
        return ask(request, messages);
    }

    /**
     * Reads how the customer feels (positive, neutral or negative) and what they want, with the
     * model's short reason, from the conversation as a transcript.
     *
     * @param request the conversation and its history
     * @return the reading, or none when the model gave no usable answer or one that is not the
     *     asked JSON (the failure is logged, without the answer)
     */
    public SentimentReading sentiment(ResponderRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(SENTIMENT));
        messages.add(ChatMessage.user(transcript(request)));
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
            JsonNode node = WireJson.mapper().readTree(json.substring(start, end + 1));
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
        for (ChatMessage message : composer.history(request)) {
            transcript.append("user".equals(message.role()) ? "Customer: " : "Business: ")
                    .append(message.content()).append('\n');
        }
        return transcript.toString().strip();
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
