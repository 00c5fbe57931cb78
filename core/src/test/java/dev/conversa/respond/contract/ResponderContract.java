package dev.conversa.respond.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Responder} must do, as its javadoc states it: answer every ordinary request
 * with a {@link Reply}, keep each text within the channel's length limit, hand off recognisably,
 * send no phone number out of the process, answer from several threads at once, keep a thread's
 * interrupt and return promptly, and fail only with an unchecked exception that names no
 * customer data.
 *
 * <p>A responder module runs it by extending this class and scripting its responder: how it is
 * made to answer {@link #QUESTION} with a given text, and to hand off on {@link #PERSON_REQUEST}.
 * A responder that calls a service (an AI model) also shows what it sent, a slow service and a
 * failing one; the defaults suit a responder that calls none.
 */
public abstract class ResponderContract {

    /** The customer's question that {@link #answering(String)} answers. */
    protected static final String QUESTION = "When are you open tomorrow?";

    /** The customer's message that {@link #handingOff()} hands to a person. */
    protected static final String PERSON_REQUEST = "Please let me talk to a human agent";

    /** The customer's phone number, which is also their WhatsApp id (without the plus). */
    protected static final String PHONE = "+4915112345678";

    private static final String ANSWER = "We are open from 7:00 to 18:00.";
    private static final TenantId TENANT = TenantId.of("contract-tenant");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    /**
     * A responder that answers {@link #QUESTION} with this text alone (cut into several messages
     * when the channel allows less). It may answer other requests as it likes.
     *
     * @param answer the answer, plain text of whole sentences
     * @return a new responder
     */
    protected abstract Responder answering(String answer);

    /**
     * A responder that hands the conversation to a person when the customer writes
     * {@link #PERSON_REQUEST}.
     *
     * @return a new responder
     */
    protected abstract Responder handingOff();

    /**
     * What the responders of this test sent out of the process so far, such as the bodies of
     * the requests to an AI model.
     *
     * @return the requests, as text; empty for a responder that calls no service
     */
    protected List<String> outgoingRequests() {
        return List.of();
    }

    /**
     * Like {@link #answering(String)}, but the service answers far later than
     * {@link #interruptedResponderReturnsPromptlyAndKeepsTheInterrupt()} waits.
     *
     * @param answer the answer
     * @return a new responder; by default {@link #answering(String)}, for a responder that
     *     calls no service
     */
    protected Responder answeringSlowly(String answer) {
        return answering(answer);
    }

    /**
     * A responder whose service fails every call.
     *
     * @return a new responder, or empty for a responder that calls no service (the failure
     *     test then holds its ordinary responder to the same rules)
     */
    protected Optional<Responder> failing() {
        return Optional.empty();
    }

    @Test
    void answersTheQuestionWithTheScriptedText() {
        Reply reply = answering(ANSWER).respond(request(whatsApp(), QUESTION));

        assertThat(reply).isEqualTo(Reply.text(ANSWER));
    }

    @Test
    void answersEveryOrdinaryRequestWithAReply() {
        Responder responder = answering(ANSWER);

        for (ResponderRequest request : ordinaryRequests()) {
            assertThat(responder.respond(request)).as("reply to %s", request.history()).isNotNull();
        }
    }

    @Test
    void cutsALongAnswerIntoTextsWithinTheChannelsLimit() {
        // given
        String longAnswer = "We bake sourdough, rye and spelt bread every morning. "
                + "Cakes are made to order and need two days' notice. "
                + "Gluten-free loaves are ready on Fridays from eight o'clock.";
        ChannelCapabilities narrow = capabilities(60, "plain text");

        // when
        Reply reply = answering(longAnswer).respond(request(narrow, QUESTION));

        // then
        assertThat(reply).isInstanceOf(Reply.Answer.class);
        assertThat(texts(reply)).hasSizeGreaterThan(1)
                .allSatisfy(text -> assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(60));
    }

    @Test
    void handsOffWithAReasonWhenTheCustomerAsksForAPerson() {
        Reply reply = handingOff().respond(request(whatsApp(), PERSON_REQUEST));

        assertThat(reply).isInstanceOfSatisfying(Reply.Handoff.class, handoff -> {
            assertThat(handoff.reason()).isNotBlank();
            handoff.messageToCustomer().ifPresent(text ->
                    assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(whatsApp().maxTextLength()));
        });
    }

    @Test
    void sendsNoPhoneNumberOutOfTheProcess() {
        Reply reply = answering(ANSWER).respond(request(whatsApp(), QUESTION));

        List<String> sent = new ArrayList<>(outgoingRequests());
        sent.addAll(texts(reply));
        assertThat(sent).noneMatch(text -> text.replaceAll("[^0-9]", "").contains(PHONE.substring(1)));
    }

    @Test
    void answersFromSeveralThreadsAtOnce() throws Exception {
        // given
        Responder responder = answering(ANSWER);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // when
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < threads * 4; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return responder.respond(request(whatsApp(), QUESTION));
                }));
            }
            start.countDown();

            // then
            for (Future<Reply> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS)).isEqualTo(Reply.text(ANSWER));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void interruptedResponderReturnsPromptlyAndKeepsTheInterrupt() throws Exception {
        // given
        Responder responder = answeringSlowly(ANSWER);
        ResponderRequest request = request(whatsApp(), QUESTION);
        Callable<Boolean> interruptedCall = () -> {
            Thread.currentThread().interrupt();
            try {
                responder.respond(request);
            } catch (RuntimeException allowed) {
                // a failed attempt is one of the documented outcomes
            }
            return Thread.currentThread().isInterrupted();
        };
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // when
            Future<Boolean> stillInterrupted = thread.submit(interruptedCall);

            // then
            assertThat(stillInterrupted.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void failsWithAFittingReplyOrAnUncheckedExceptionThatNamesNoCustomerData() {
        Responder failing = failing().orElseGet(() -> answering(ANSWER));

        try {
            Reply reply = failing.respond(request(capabilities(40, "plain text"), QUESTION));

            assertThat(reply).isNotNull();
            if (reply instanceof Reply.Answer) {
                assertThat(texts(reply)).allSatisfy(text -> assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(40));
            }
        } catch (RuntimeException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(PHONE.substring(1), QUESTION);
            }
        }
    }

    private static List<ResponderRequest> ordinaryRequests() {
        ConversationKey messenger = new ConversationKey(ChannelType.MESSENGER, "page-1", "psid-7");
        List<MessageRecord> longHistory = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            longHistory.add(message(whatsAppKey(), i, Direction.INBOUND, "text", Optional.of("question " + i)));
            longHistory.add(message(whatsAppKey(), i, Direction.OUTBOUND, "text", Optional.of("answer " + i)));
        }
        longHistory.add(message(whatsAppKey(), 80, Direction.INBOUND, "text", Optional.of(QUESTION)));
        return List.of(
                request(whatsApp(), QUESTION),
                request(whatsApp(), "hello"),
                new ResponderRequest(Conversation.open(TENANT, whatsAppKey(), T0), Optional.empty(),
                        List.of(message(whatsAppKey(), 0, Direction.INBOUND, "image", Optional.empty())), whatsApp()),
                new ResponderRequest(Conversation.open(TENANT, messenger, T0), Optional.empty(),
                        List.of(message(messenger, 0, Direction.INBOUND, "text", Optional.of(QUESTION))),
                        capabilities(2000, "plain text")),
                new ResponderRequest(Conversation.open(TENANT, whatsAppKey(), T0), Optional.empty(), longHistory,
                        whatsApp()));
    }

    /**
     * A WhatsApp conversation with a customer whose profile holds their name and phone number:
     * an earlier exchange, then the given message waiting for an answer.
     */
    private static ResponderRequest request(ChannelCapabilities capabilities, String customerText) {
        ConversationKey key = whatsAppKey();
        Contact contact = new Contact(TENANT, ChannelType.WHATSAPP, key.contactId(), Optional.of("Maria"),
                Optional.empty(), Optional.of(PHONE), T0);
        List<MessageRecord> history = List.of(
                message(key, 0, Direction.INBOUND, "text", Optional.of("Hi")),
                message(key, 1, Direction.OUTBOUND, "text", Optional.of("Hello! How can I help?")),
                message(key, 2, Direction.INBOUND, "text", Optional.of(customerText)));
        return new ResponderRequest(Conversation.open(TENANT, key, T0), Optional.of(contact), history, capabilities);
    }

    private static ConversationKey whatsAppKey() {
        return new ConversationKey(ChannelType.WHATSAPP, "1098765432", PHONE.substring(1));
    }

    private static MessageRecord message(ConversationKey key, int n, Direction direction, String kind,
            Optional<String> text) {
        return new MessageRecord(TENANT, key, "mid." + n + "." + direction, direction,
                direction == Direction.INBOUND ? Author.CUSTOMER : Author.BOT, kind, text, DeliveryStatus.DELIVERED,
                T0.plusSeconds(60L * n));
    }

    private static ChannelCapabilities whatsApp() {
        return capabilities(4096, "*bold* _italic_ ~strikethrough~");
    }

    private static ChannelCapabilities capabilities(int maxTextLength, String formatting) {
        return new ChannelCapabilities(maxTextLength, 3, 20, 10, 0, true, true, true, true, Set.of(MediaKind.IMAGE),
                Duration.ofHours(24), Optional.empty(), formatting);
    }

    private static List<String> texts(Reply reply) {
        Stream<OutboundContent> contents = reply instanceof Reply.Answer answer ? answer.messages().stream() : Stream.of();
        List<String> texts = new ArrayList<>(contents.filter(Text.class::isInstance).map(c -> ((Text) c).body()).toList());
        if (reply instanceof Reply.Handoff handoff) {
            handoff.messageToCustomer().ifPresent(texts::add);
        }
        return texts;
    }
}
