package dev.conversa.respond;

/**
 * Decides what the bot answers: an AI model, rules, or the host's own logic.
 *
 * <p>Called on a dispatcher thread, never on the webhook thread, once per burst of customer
 * messages (a customer who writes three short messages gets one answer to all three). The
 * answer is checked again before it is sent: if a person took over meanwhile, it is discarded.
 *
 * <p>Every implementation (checked by {@code ResponderContract} in core's test-jar):
 * <ul>
 *   <li>returns a {@link Reply}, never {@code null}, for every request, including a first
 *       message, a message without text (an image) and a long history;
 *   <li>keeps every {@link dev.conversa.model.Text} of a {@link Reply.Answer} within the
 *       channel's {@link dev.conversa.channel.ChannelCapabilities#maxTextLength()}, cutting a
 *       longer answer into several messages, as the channel refuses longer text; a
 *       {@link Reply.Handoff}'s message to the customer goes as one text and must fit too;
 *   <li>hands a conversation to a person only through {@link Reply.Handoff}, with a non-blank
 *       reason for the agents;
 *   <li>sends the contact's phone number ({@link dev.conversa.model.Contact#phoneNumber()},
 *       on WhatsApp also the conversation's contact id) nowhere outside the process, for example
 *       not into an AI model's request;
 *   <li>is thread-safe: one instance answers many conversations at once;
 *   <li>bounds every wait (a call to a service has a timeout) and, when the calling thread is
 *       interrupted (Conversa is closing), returns or throws promptly with the thread's
 *       interrupt status still set;
 *   <li>fails only by throwing an unchecked exception whose message names no customer data
 *       (phone number, message text). An exception is treated as a failed attempt: the
 *       dispatcher retries the work a bounded number of times and then parks it for the host to
 *       see; other conversations go on.
 * </ul>
 *
 * <pre>{@code
 * Responder echo = request -> Reply.text("You said: " + request.latestText());
 * }</pre>
 */
@FunctionalInterface
public interface Responder {

    /**
     * Answers the messages waiting in a conversation.
     *
     * @param request the conversation, its recent history and the channel's capabilities
     * @return the reply, a handoff to a person, or silence
     */
    Reply respond(ResponderRequest request);

    /**
     * Reads how the customer feels and what they want, for the agent who takes over. Called on
     * an agent's request, not by the pipeline. By default there is no reading: a responder
     * backed by a model overrides this.
     *
     * @param request the conversation and its recent history
     * @return the reading, or none with the reason
     */
    default SentimentReading sentiment(ResponderRequest request) {
        return SentimentReading.unavailable("this responder reads no sentiment");
    }
}
