package dev.conversa.respond;

import java.util.Optional;

/**
 * Helps the human agent who took over a conversation: drafts a reply for them to edit and send,
 * summarizes the conversation so far, and reads the customer's sentiment and intent. The AI responders ({@code OpenAiResponder},
 * {@code LangChain4jResponder}) return one over their own model, tenant profiles, history budget
 * and masking; no tools run, and usage is reported like any other request.
 *
 * <p>Implemented by the SDK; hosts call it rather than implement it, as methods may be added.
 * Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * Optional<String> draft = responder.agentAssist().suggestReply(request);
 * }</pre>
 */
public interface AgentAssist {

    /**
     * Drafts the next reply for a human agent.
     *
     * @param request the conversation and its history
     * @return the draft, or empty when the model gave no usable answer (the failure is logged)
     */
    Optional<String> suggestReply(ResponderRequest request);

    /**
     * Summarizes the conversation for a human agent.
     *
     * @param request the conversation and its history
     * @return the summary, or empty when the model gave no usable answer (the failure is logged)
     */
    Optional<String> summarize(ResponderRequest request);

    /**
     * Reads how the customer feels (positive, neutral or negative) and what they want, with the
     * model's short reason, from the conversation as a transcript.
     *
     * @param request the conversation and its history
     * @return the reading, or none when the model gave no usable answer or one that is not the
     *     asked JSON (the failure is logged, without the answer)
     */
    SentimentReading sentiment(ResponderRequest request);
}
