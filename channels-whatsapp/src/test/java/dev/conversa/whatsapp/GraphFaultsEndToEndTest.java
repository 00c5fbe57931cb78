package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API's faults through the whole pipeline, the real Graph client and the outbox:
 * replies over many conversations of two business numbers, the faulty one answered with the
 * fault on the first try of every reply while the other one is healthy. Each reply ends
 * {@code SENT} (sent exactly once), {@code SEND_UNCERTAIN} (requested once, never again) or
 * {@code DEAD} with the reason; none is lost; each conversation's replies go out in order; the
 * healthy number keeps flowing. The figures are in {@code docs/reliability.md}.
 *
 * <p>Over 400 lines because the fault table, the three scenarios and the checks they share
 * (outcome per reply, POSTs per reply in WireMock's journal, order) read best in one place.
 */
class GraphFaultsEndToEndTest {

    /** 10 in {@code mvn verify}; {@code -Dconversa.faults.conversationsPerNumber=25} gives the issue's 50 conversations. */
    static final int CONVERSATIONS_PER_NUMBER = Integer.getInteger("conversa.faults.conversationsPerNumber", 10);
    static final int ROUNDS = Integer.getInteger("conversa.faults.rounds", 4);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FAULTY = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String HEALTHY = "106540352242999";
    private static final String NEW_TOKEN = "e2e-renewed-token";
    /** Grows with the run: 20 s for the 80 replies of {@code mvn verify}. */
    private static final Duration PATIENCE = Duration.ofSeconds(Math.max(20, CONVERSATIONS_PER_NUMBER * ROUNDS / 2));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    @RegisterExtension
    static final LoopbackWireMock WM = new LoopbackWireMock(Math.max(50, 4 * CONVERSATIONS_PER_NUMBER));

    private ConversaRig rig;

    /** What the faulty number answers to the first try of a reply, and how that reply must end. */
    enum GraphFault {
        HTTP_429_RETRY_AFTER(Outcome.SENT, error(429, 130429).withHeader("Retry-After", "1")),
        THROTTLED_CODE_4(Outcome.SENT, error(400, 4)),
        THROTTLED_CODE_80007(Outcome.SENT, error(400, 80007)),
        THROTTLED_CODE_130429(Outcome.SENT, error(400, 130429)),
        PAIR_RATE_LIMIT_131056(Outcome.SENT, error(400, 131056)),
        HTTP_500(Outcome.SEND_UNCERTAIN, error(500, 131000)),
        HTTP_502_HTML(Outcome.SEND_UNCERTAIN, aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")),
        HTTP_503_EMPTY(Outcome.SEND_UNCERTAIN, aResponse().withStatus(503)),
        READ_TIMEOUT_AFTER_THE_REQUEST(Outcome.SEND_UNCERTAIN,
                okJson(sent()).withFixedDelay((int) REQUEST_TIMEOUT.multipliedBy(2).toMillis())),
        CONNECTION_RESET(Outcome.SEND_UNCERTAIN, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        RESET_MID_RESPONSE(Outcome.SEND_UNCERTAIN, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        OK_WITH_MALFORMED_BODY(Outcome.SEND_UNCERTAIN,
                okJson("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\"")),
        OK_WITH_EMPTY_BODY(Outcome.SEND_UNCERTAIN, aResponse().withStatus(200)),
        RECIPIENT_UNDELIVERABLE_131026(Outcome.DEAD, error(400, 131026)),
        OUTSIDE_WINDOW_131047(Outcome.DEAD, error(400, 131047));

        final Outcome outcome;
        final ResponseDefinitionBuilder answer;

        GraphFault(Outcome outcome, ResponseDefinitionBuilder answer) {
            this.outcome = outcome;
            this.answer = answer;
        }
    }

    enum Outcome { SENT, SEND_UNCERTAIN, DEAD }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        WM.resetAll();
    }

    @ParameterizedTest
    @EnumSource(GraphFault.class)
    void everyReplyEndsSentOnceUncertainOrDeadInOrderWhileTheOtherNumberFlows(GraphFault fault) {
        // given
        start();
        List<ConversationKey> conversations = conversations();

        // when: each round, the first try of every reply of the faulty number meets the fault
        for (int round = 1; round <= ROUNDS; round++) {
            StubMapping faulty = WM.stubFor(post(urlPathEqualTo(messagesOf(FAULTY))).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                    .willReturn(fault.answer));
            deliverRound(conversations, round);
            int r = round;
            await().atMost(PATIENCE).until(() -> conversations.stream().filter(key -> key.accountId().equals(FAULTY))
                    .allMatch(key -> feltTheFault(key, r)));
            await("the healthy number flows while the other one fails").atMost(PATIENCE)
                    .until(() -> conversations.stream().filter(key -> key.accountId().equals(HEALTHY))
                            .allMatch(key -> status(key, r) == DeliveryStatus.SENT));
            WM.removeStub(faulty);
            rig.awaitIdle();
        }

        // then
        Map<String, List<ServeEvent>> posts = textPostsByBody();
        for (ConversationKey key : conversations) {
            Outcome expected = key.accountId().equals(FAULTY) ? fault.outcome : Outcome.SENT;
            List<MessageRecord> replies = replies(key);
            assertThat(replies).as("every reply of %s is recorded", key.contactId()).hasSize(ROUNDS);
            assertThat(replies).extracting(MessageRecord::text).as("in order")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ROUNDS)
                            .mapToObj(round -> Optional.of(replyText(key, round))).toList());
            for (MessageRecord reply : replies) {
                List<ServeEvent> tries = posts.getOrDefault(reply.text().orElseThrow(), List.of());
                assertOutcome(expected, reply, tries, fault);
            }
        }
        assertThat(rig.outbox(OutboxState.PENDING)).isEmpty();
    }

    /** How the Graph API cannot be reached: nothing was sent, so the outbox tries again. */
    enum Unreachable { CONNECTION_REFUSED, CONNECT_TIMEOUT }

    @ParameterizedTest
    @EnumSource(Unreachable.class)
    void repliesWhileTheGraphApiCannotBeReachedAreSentOnceInOrderWhenItIsBack(Unreachable fault) throws IOException {
        // given
        acceptMessages();
        GraphClient real = GraphClient.builder().baseUrl(WM.baseUri()).apiVersion("v23.0")
                .requestTimeout(REQUEST_TIMEOUT).connectTimeout(CONNECT_TIMEOUT)
                .allowInsecureLoopbackForTests(true).build();
        warmUp(real);
        try (BlackHole hole = new BlackHole()) {
            URI unreachable = fault == Unreachable.CONNECTION_REFUSED ? closedPort() : hole.uri();
            SwitchableGraph graph = new SwitchableGraph(real);
            start(graph);
            List<ConversationKey> conversations = conversations();

            // when
            for (int round = 1; round <= ROUNDS; round++) {
                graph.use(real.withBaseUrl(unreachable));
                deliverRound(conversations, round);
                int r = round;
                await().atMost(PATIENCE).until(() -> conversations.stream().allMatch(key -> feltTheFault(key, r)));
                graph.use(real);
                rig.awaitIdle();
            }
        }

        // then
        Map<String, List<ServeEvent>> posts = textPostsByBody();
        for (ConversationKey key : conversations()) {
            List<MessageRecord> replies = replies(key);
            assertThat(replies).extracting(reply -> reply.text().orElseThrow()).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, ROUNDS).mapToObj(round -> replyText(key, round)).toList());
            for (MessageRecord reply : replies) {
                assertOutcome(Outcome.SENT, reply, posts.getOrDefault(reply.text().orElseThrow(), List.of()), fault);
            }
        }
        assertThat(rig.outbox(OutboxState.SENT)).as("tried while unreachable").anyMatch(entry -> entry.attempts() > 1);
    }

    @Test
    void aNumberWhoseTokenExpiredWaitsWithTheReasonUntilANewTokenIsRegisteredThenSendsEachReplyOnce() {
        // given
        start();
        List<ConversationKey> conversations = conversations();
        WM.stubFor(post(urlPathEqualTo(messagesOf(FAULTY))).atPriority(1)
                .withHeader("Authorization", equalTo(
                        "Bearer " + ConversaRig.ACCESS_TOKEN))
                .willReturn(error(401, 190).withBody("{\"error\":{\"message\":\"Error validating access token: "
                        + "Session has expired\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}")));

        // when
        for (int round = 1; round <= ROUNDS; round++) {
            deliverRound(conversations, round);
            int r = round;
            await().atMost(PATIENCE).until(() -> conversations.stream().filter(key -> key.accountId().equals(HEALTHY))
                    .allMatch(key -> status(key, r) == DeliveryStatus.SENT));
        }
        await().atMost(PATIENCE).until(() -> rig.inboxPending() == 0);

        // then: the faulty number's conversations wait, each at its first message, with the reason
        List<OutboxEntry> waiting = rig.outbox(OutboxState.PENDING);
        assertThat(waiting).extracting(entry -> entry.message().to().accountId()).containsOnly(FAULTY);
        assertThat(waiting).filteredOn(entry -> entry.lastError().isPresent()).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.lastError().orElseThrow()).contains("parked", "190"));
        assertThat(rig.outbox(OutboxState.DEAD)).isEmpty();
        assertThat(rig.outbox(OutboxState.SEND_UNCERTAIN)).isEmpty();

        // when
        rig.conversa().registerAccount(ChannelAccount.of(TENANT, ChannelType.WHATSAPP, FAULTY, Secret.of(NEW_TOKEN)));
        rig.awaitIdle();

        // then
        Map<String, List<ServeEvent>> posts = textPostsByBody();
        for (ConversationKey key : conversations) {
            List<MessageRecord> replies = replies(key);
            assertThat(replies).extracting(MessageRecord::status).hasSize(ROUNDS).containsOnly(DeliveryStatus.SENT);
            assertThat(replies).extracting(reply -> reply.text().orElseThrow()).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, ROUNDS).mapToObj(round -> replyText(key, round)).toList());
            for (MessageRecord reply : replies) {
                assertThat(posts.get(reply.text().orElseThrow()))
                        .filteredOn(event -> event.getResponse().getStatus() == 200)
                        .as("sent once").hasSize(1);
            }
        }
    }

    private void assertOutcome(Outcome expected, MessageRecord reply, List<ServeEvent> tries, Enum<?> fault) {
        String text = reply.text().orElseThrow();
        OutboxEntry entry = outboxEntry(text);
        long answeredOk = tries.stream().filter(event -> event.getStubMapping() != null
                && event.getStubMapping().getPriority() != null && event.getStubMapping().getPriority() == 5).count();
        switch (expected) {
            case SENT -> {
                assertThat(reply.status()).as("%s under %s", text, fault).isEqualTo(DeliveryStatus.SENT);
                assertThat(entry.state()).isEqualTo(OutboxState.SENT);
                assertThat(answeredOk).as("%s accepted once", text).isEqualTo(1);
            }
            case SEND_UNCERTAIN -> {
                assertThat(reply.status()).as("%s under %s", text, fault).isEqualTo(DeliveryStatus.SEND_UNCERTAIN);
                assertThat(entry.state()).isEqualTo(OutboxState.SEND_UNCERTAIN);
                assertThat(tries).as("%s requested once, never again", text).hasSize(1);
                assertThat(entry.lastError()).isPresent();
            }
            case DEAD -> {
                assertThat(reply.status()).as("%s under %s", text, fault).isEqualTo(DeliveryStatus.FAILED);
                assertThat(entry.state()).isEqualTo(OutboxState.DEAD);
                assertThat(tries).as("%s requested once", text).hasSize(1);
                assertThat(entry.lastError()).hasValueSatisfying(reason -> assertThat(reason)
                        .contains(fault.name().substring(fault.name().lastIndexOf('_') + 1)));
            }
        }
    }

    private void start() {
        acceptMessages();
        GraphClient graph = GraphClient.builder().baseUrl(WM.baseUri()).apiVersion("v23.0")
                .requestTimeout(REQUEST_TIMEOUT).connectTimeout(CONNECT_TIMEOUT)
                .allowInsecureLoopbackForTests(true).build();
        warmUp(graph);
        start(graph);
    }

    /** Every number's sends are accepted with a fresh message id, unless a test's stub answers first. */
    private static void acceptMessages() {
        WM.stubFor(post(urlPathMatching("/v23\\.0/[0-9]+/messages")).atPriority(5)
                .willReturn(aResponse().withTransformers("response-template")
                        .withHeader("Content-Type", "application/json").withBody(sent())));
    }

    private void start(GraphClient graph) {
        // Meta's pair limit is paced by the channel; a short interval keeps the many retries of one pair quick
        WhatsAppChannel channel = WhatsAppChannel.builder().pairLimit(10, Duration.ofMillis(20)).build();
        rig = ConversaRig.start(channel,
                ChannelAccount.of(TENANT, ChannelType.WHATSAPP, FAULTY, Secret.of(ConversaRig.ACCESS_TOKEN)),
                WM.baseUri(), builder -> builder.graphClient(graph)
                        .responder(request -> Reply.text("re: " + request.latestText()))
                        .retryBackoff(Duration.ofMillis(20))
                        .maxAttempts(10)
                        .concurrency(24));
        rig.conversa().registerAccount(ChannelAccount.of(TENANT, ChannelType.WHATSAPP, HEALTHY,
                Secret.of(ConversaRig.ACCESS_TOKEN)));
    }

    /** Lets WireMock's templating warm up, so the first replies of the run do not meet a slow answer. */
    private static void warmUp(GraphClient graph) {
        GraphClient patient = graph.toBuilder().requestTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 20; i++) {
            patient.execute(GraphRequest.postJson("/106540352240000/messages", "{\"type\":\"warm-up\"}"),
                    Secret.of(ConversaRig.ACCESS_TOKEN));
        }
        WM.resetRequests();
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static List<ConversationKey> conversations() {
        List<ConversationKey> keys = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS_PER_NUMBER; i++) {
            keys.add(new ConversationKey(ChannelType.WHATSAPP, FAULTY, "1631555" + String.format("%04d", i)));
            keys.add(new ConversationKey(ChannelType.WHATSAPP, HEALTHY, "1631666" + String.format("%04d", i)));
        }
        return keys;
    }

    private void deliverRound(List<ConversationKey> conversations, int round) {
        for (ConversationKey key : conversations) {
            rig.deliver(WhatsAppWebhook.builder().business(key.accountId(), "15550783881").at(Instant.now())
                    .message(WhatsAppCustomer.withPhone(key.contactId(), "Customer " + key.contactId()),
                            WhatsAppMessage.text("wamid.in." + UUID.randomUUID(), question(key, round)))
                    .signed(APP_SECRET));
        }
    }

    private static String question(ConversationKey key, int round) {
        return "question " + round + " from " + key.contactId() + " to " + key.accountId();
    }

    private static String replyText(ConversationKey key, int round) {
        return "re: " + question(key, round);
    }

    /**
     * Whether the conversation's reply of this round is finished, or the conversation waits after
     * a failure (its reply or an entry before it is pending with an error).
     */
    private boolean feltTheFault(ConversationKey key, int round) {
        boolean finished = findOutboxEntry(replyText(key, round)).map(OutboxEntry::state)
                .filter(state -> state != OutboxState.PENDING && state != OutboxState.SENDING).isPresent();
        return finished || rig.outbox(OutboxState.PENDING).stream()
                .anyMatch(entry -> entry.message().to().equals(key) && entry.lastError().isPresent());
    }

    private DeliveryStatus status(ConversationKey key, int round) {
        return replies(key).stream().filter(message -> message.text().equals(Optional.of(replyText(key, round))))
                .map(MessageRecord::status).findFirst().orElse(null);
    }

    private List<MessageRecord> replies(ConversationKey key) {
        return rig.conversa().conversations().messages(TENANT, key, 50).stream()
                .filter(message -> message.direction() == Direction.OUTBOUND)
                .filter(message -> message.text().isPresent()).toList();
    }

    private OutboxEntry outboxEntry(String text) {
        return findOutboxEntry(text).orElseThrow(() -> new AssertionError("no outbox entry for " + text));
    }

    private Optional<OutboxEntry> findOutboxEntry(String text) {
        return Stream.of(OutboxState.values())
                .flatMap(state -> rig.outbox(state).stream())
                .filter(entry -> entry.message().content() instanceof Text body && body.body().equals(text))
                .findFirst();
    }

    /** Every POST that sent a text, grouped by the text. */
    private static Map<String, List<ServeEvent>> textPostsByBody() {
        return WM.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getMethod().getName().equals("POST"))
                .filter(event -> "text".equals(JSON.readTree(event.getRequest().getBodyAsString()).path("type")
                        .asString(null)))
                .collect(Collectors.groupingBy(event -> JSON.readTree(event.getRequest().getBodyAsString())
                        .path("text").path("body").asString(), Collectors.toList()));
    }

    private static String messagesOf(String number) {
        return "/v23.0/" + number + "/messages";
    }

    private static String sent() {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                + "\"messages\":[{\"id\":\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}";
    }

    private static ResponseDefinitionBuilder error(int status, int code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#" + code + ") fault\",\"type\":\"OAuthException\",\"code\":"
                        + code + ",\"fbtrace_id\":\"AbCdEf\"}}");
    }
}
