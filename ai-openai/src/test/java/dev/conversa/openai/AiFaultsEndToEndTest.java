package dev.conversa.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.conversa.openai.OpenAiStub.chat;
import static dev.conversa.openai.OpenAiStub.json;
import static dev.conversa.openai.OpenAiStub.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Text;
import dev.conversa.respond.Usage;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.TestSignatures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model's faults through the whole pipeline: customers of several conversations write,
 * round after round, to a Conversa answering with {@link OpenAiResponder} on a WireMock
 * stand-in for OpenAI that fails in one way. Every customer message gets exactly one message
 * back (the answer or the fallback), nothing comes later (a late answer after the fallback is
 * discarded), each conversation stays in order, and usage is counted once per model answer.
 * The figures are in {@code docs/reliability.md}.
 */
class AiFaultsEndToEndTest {

    static final int CONVERSATIONS = 5;
    static final int ROUNDS = 3;
    private static final String ACCOUNT = "acct-ai";
    private static final String ANSWER = "We are open from 7:00 to 18:00, every day but Monday.";
    private static final String FALLBACK =
            "Sorry, our assistant cannot answer right now. A colleague will write to you.";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HANG = Duration.ofSeconds(3);
    private static final int MAX_TOOL_ROUNDS = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static OpenAiStub openAi = new OpenAiStub();

    private final List<Usage> usage = new CopyOnWriteArrayList<>();
    private final EchoTestChannel channel = new EchoTestChannel();
    private ConversaRig rig;

    /**
     * How the model fails, what the customer gets, how many calls one reply makes and how many
     * of its answers count usage.
     */
    enum AiFault {
        HANGS_PAST_THE_TIMEOUT(FALLBACK, 1, 0, stub -> stub.stubFor(chat().willReturn(ok("answer.json")
                .withFixedDelay((int) HANG.toMillis())))),
        RATE_LIMITED_THEN_ANSWERS(ANSWER, 2, 1, AiFaultsEndToEndTest::rateLimitedOnceInEachConversation),
        SERVER_ERRORS_UNTIL_THE_RETRIES_ARE_SPENT(FALLBACK, 3, 0,
                stub -> stub.stubFor(chat().willReturn(json(500, "error-500.json")))),
        MALFORMED_JSON(FALLBACK, 1, 0, stub -> stub.stubFor(chat().willReturn(ok("malformed.json")))),
        EMPTY_ANSWER(FALLBACK, 1, 1, stub -> stub.stubFor(chat().willReturn(ok("empty-answer.json")))),
        REFUSAL(FALLBACK, 1, 1, stub -> stub.stubFor(chat().willReturn(ok("refusal.json")))),
        TOOL_CALL_TO_AN_UNKNOWN_TOOL(ANSWER, 2, 2, stub -> {
            stub.stubFor(chat().atPriority(5).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(unknownToolCall())));
            stub.stubFor(chat().atPriority(1).withRequestBody(containing("there is no tool named"))
                    .willReturn(ok("answer.json")));
        }),
        ENDLESS_TOOL_LOOP(FALLBACK, MAX_TOOL_ROUNDS + 1, MAX_TOOL_ROUNDS + 1,
                stub -> stub.stubFor(chat().willReturn(ok("tool-call-order-status.json"))));

        final String customerGets;
        final int callsPerReply;
        final int usagePerReply;
        final Consumer<OpenAiStub> stubbing;

        AiFault(String customerGets, int callsPerReply, int usagePerReply, Consumer<OpenAiStub> stubbing) {
            this.customerGets = customerGets;
            this.callsPerReply = callsPerReply;
            this.usagePerReply = usagePerReply;
            this.stubbing = stubbing;
        }
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @ParameterizedTest
    @EnumSource(AiFault.class)
    void everyCustomerMessageGetsExactlyOneMessageInOrderAndUsageIsCountedOnce(AiFault fault) {
        // given
        fault.stubbing.accept(openAi);
        start();

        // when
        for (int round = 1; round <= ROUNDS; round++) {
            if (fault == AiFault.RATE_LIMITED_THEN_ANSWERS) {
                openAi.resetScenarios();
            }
            for (int conversation = 0; conversation < CONVERSATIONS; conversation++) {
                String event = EchoTestChannel.payload(ACCOUNT, "in-" + conversation + "-" + round,
                        customer(conversation), Instant.now(), question(conversation, round));
                rig.deliver(TestSignatures.signedPost(event, ConversaRig.APP_SECRET.reveal()));
            }
            int r = round;
            await().atMost(PATIENCE).until(() -> IntStream.range(0, CONVERSATIONS)
                    .allMatch(conversation -> replies(conversation).size() >= r));
        }
        rig.awaitIdle();

        // then: nothing more comes, not even once a hanging answer arrived late
        await().during(fault == AiFault.HANGS_PAST_THE_TIMEOUT ? HANG.plusMillis(500) : Duration.ofMillis(200))
                .atMost(HANG.multipliedBy(3)).until(() -> sentTexts().size() == CONVERSATIONS * ROUNDS);
        for (int conversation = 0; conversation < CONVERSATIONS; conversation++) {
            List<String> expected = IntStream.rangeClosed(1, ROUNDS).mapToObj(round -> fault.customerGets).toList();
            assertThat(replies(conversation)).extracting(reply -> reply.text().orElseThrow()).isEqualTo(expected);
            assertAlternates(conversation);
        }
        assertThat(openAi.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))))
                .hasSize(CONVERSATIONS * ROUNDS * fault.callsPerReply);
        assertThat(usage).hasSize(CONVERSATIONS * ROUNDS * fault.usagePerReply);
    }

    private void start() {
        OpenAiResponder responder = openAi.responder()
                .requestTimeout(REQUEST_TIMEOUT)
                .retries(2, Duration.ofMillis(10), Duration.ofMillis(50))
                .maxToolRounds(MAX_TOOL_ROUNDS)
                .fallbackMessage(FALLBACK)
                .usageListener(usage::add)
                .build();
        rig = ConversaRig.start(channel, ChannelAccount.of(ConversaRig.TENANT,
                EchoTestChannel.TYPE, ACCOUNT, Secret.of(ConversaRig.ACCESS_TOKEN)),
                openAi.baseUri(), builder -> builder.responder(responder).concurrency(CONVERSATIONS));
    }

    /** Each conversation's first call of a round is rate limited (a short wait asked), its retry answers. */
    private static void rateLimitedOnceInEachConversation(OpenAiStub stub) {
        for (int conversation = 0; conversation < CONVERSATIONS; conversation++) {
            String scenario = "rate-" + conversation;
            MappingBuilder ofThisCustomer = chat().withRequestBody(containing(customerMarker(conversation)));
            stub.stubFor(ofThisCustomer.inScenario(scenario).whenScenarioStateIs(STARTED)
                    .willReturn(json(429, "error-429.json").withHeader("retry-after-ms", "20")).willSetStateTo("ok"));
            stub.stubFor(chat().withRequestBody(containing(customerMarker(conversation))).inScenario(scenario)
                    .whenScenarioStateIs("ok").willReturn(ok("answer.json")));
        }
    }

    private static String unknownToolCall() {
        return """
                {"id": "chatcmpl-unknown-tool", "object": "chat.completion", "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
                   "content": null, "refusal": null, "tool_calls": [{"id": "call_1", "type": "function",
                   "function": {"name": "cancel_every_order", "arguments": "{}"}}]}}],
                 "usage": {"prompt_tokens": 90, "completion_tokens": 12, "total_tokens": 102}}
                """;
    }

    private void assertAlternates(int conversation) {
        List<MessageRecord> history = rig.history(key(conversation));
        assertThat(history).extracting(MessageRecord::direction).containsExactlyElementsOf(IntStream.range(0, ROUNDS)
                .boxed().flatMap(round -> Stream.of(Direction.INBOUND, Direction.OUTBOUND)).toList());
        assertThat(history).filteredOn(message -> message.direction() == Direction.INBOUND)
                .extracting(MessageRecord::text).containsExactlyElementsOf(IntStream.rangeClosed(1, ROUNDS)
                        .mapToObj(round -> Optional.of(question(conversation, round))).toList());
    }

    private List<MessageRecord> replies(int conversation) {
        return rig.history(key(conversation)).stream()
                .filter(message -> message.direction() == Direction.OUTBOUND && message.text().isPresent()).toList();
    }

    private List<String> sentTexts() {
        return channel.sent().stream().filter(request -> request.message().content() instanceof Text)
                .map(request -> ((Text) request.message().content()).body()).toList();
    }

    private static ConversationKey key(int conversation) {
        return new ConversationKey(EchoTestChannel.TYPE, ACCOUNT, customer(conversation));
    }

    private static String customer(int conversation) {
        return "customer-" + conversation;
    }

    private static String customerMarker(int conversation) {
        return "from conversation " + conversation + " ";
    }

    private static String question(int conversation, int round) {
        return "When are you open? (round " + round + " from conversation " + conversation + " )";
    }
}
