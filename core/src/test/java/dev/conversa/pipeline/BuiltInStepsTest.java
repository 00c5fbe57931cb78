package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.CHANNEL;
import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conversa.channel.EchoMarker;
import dev.conversa.model.AccountLinking;
import dev.conversa.model.Author;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Deleted;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.Direction;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.model.Read;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import dev.conversa.respond.Reply;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.OutboxEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInStepsTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final Pipeline pipeline = fixture.builder().responder(request -> Reply.silence()).appId("our-app").build();

    @Test
    void recordsTheContactConversationAndMessageOfAnInboundMessage() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        assertThat(fixture.stores.contacts().find(TENANT, CHANNEL, "alice")).get()
                .extracting(Contact::name).isEqualTo(Optional.of("Alice"));
        assertThat(conversation().lastInboundAt()).contains(fixture.clock.instant());
        assertThat(history()).singleElement().satisfies(message -> {
            assertThat(message.direction()).isEqualTo(Direction.INBOUND);
            assertThat(message.author()).isEqualTo(Author.CUSTOMER);
            assertThat(message.text()).contains("hi");
            assertThat(message.status()).isEqualTo(DeliveryStatus.DELIVERED);
        });
    }

    @Test
    void reopensAClosedConversationWithTheBot() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));
        Conversation current = conversation();
        fixture.stores.conversations().update(current.withState(ConversationState.CLOSED, fixture.clock.instant()));

        fixture.process(pipeline, fixture.message("m2", "back again"));

        assertThat(conversation().state()).isEqualTo(ConversationState.BOT);
    }

    @Test
    void schedulesOneReplyTaskAfterTheQuietWindow() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        assertThat(conversation().replyDueAt()).contains(fixture.clock.instant().plus(Duration.ofMillis(1500)));
        assertThat(conversation().unansweredSince()).contains(fixture.clock.instant());
    }

    @Test
    void doesNotScheduleAReplyWhileAPersonAnswers() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));
        fixture.stores.conversations().update(conversation().withState(ConversationState.WITH_AGENT,
                fixture.clock.instant()).withReplyDue(Optional.empty(), Optional.empty(), fixture.clock.instant()));

        fixture.process(pipeline, fixture.message("m2", "hello?"));

        assertThat(conversation().replyDueAt()).isEmpty();
    }

    @Test
    void movesTheStatusOfOurMessageForwardOnly() throws Exception {
        OutboxEntry sent = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "hello"), "k1");
        fixture.stores.messages().rename(TENANT, CHANNEL, sent.provisionalMessageId(), java.util.List.of("wamid-1"));

        fixture.process(pipeline, status("s1", DeliveryStatus.READ));
        fixture.process(pipeline, status("s2", DeliveryStatus.DELIVERED));

        assertThat(fixture.stores.messages().find(TENANT, CHANNEL, "wamid-1")).get()
                .extracting(MessageRecord::status).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void marksOutboundMessagesUpToTheWatermarkRead() throws Exception {
        OutboxEntry sent = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "hello"), "k1");
        fixture.clock.advance(Duration.ofSeconds(5));

        fixture.process(pipeline, new Read(fixture.header("r1"), Optional.empty(), Optional.of(fixture.clock.instant())));

        assertThat(fixture.stores.messages().find(TENANT, CHANNEL, sent.provisionalMessageId())).get()
                .extracting(MessageRecord::status).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void marksOutboundMessagesUpToADeliveryWatermarkDeliveredAndNeverMovesAReadOneBack() throws Exception {
        OutboxEntry read = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "hello"), "k1");
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.process(pipeline, new Read(fixture.header("r1"), Optional.empty(), Optional.of(fixture.clock.instant())));
        fixture.clock.advance(Duration.ofSeconds(5));
        OutboxEntry sent = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "still there?"), "k2");
        fixture.clock.advance(Duration.ofSeconds(5));
        OutboxEntry later = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "bye"), "k3");

        fixture.process(pipeline, new DeliveryWatermark(fixture.header("d1"), fixture.clock.instant().minusSeconds(1)));

        assertThat(List.of(read, sent, later)).extracting(entry -> fixture.stores.messages()
                .find(TENANT, CHANNEL, entry.provisionalMessageId()).orElseThrow().status())
                .containsExactly(DeliveryStatus.READ, DeliveryStatus.DELIVERED, DeliveryStatus.PENDING);
    }

    @Test
    void auditsAPolicyEnforcementAndChannelEventsByKindOnly() throws Exception {
        fixture.process(pipeline, new PolicyEnforcement(fixture.header("p1"), PolicyEnforcement.Action.WARNING,
                Optional.of("spam reports")));
        fixture.process(pipeline, new AccountLinking(fixture.header("a1"), true, Optional.of("secret-code")));

        assertThat(fixture.stores.audit().list(TENANT, 10)).extracting(AuditEvent::action, event -> event.details()
                .getOrDefault("action", event.details().get("kind")))
                .containsExactlyInAnyOrder(tuple("policy_enforcement", "WARNING"), tuple("channel_event", "account_linking"));
        assertThat(fixture.stores.audit().list(TENANT, 10)).extracting(AuditEvent::details)
                .allSatisfy(details -> assertThat(details.values()).doesNotContain("spam reports", "secret-code"));
        assertThat(history()).isEmpty();
    }

    @Test
    void removesADeletedMessageAndEditsAnEditedOne() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "first"));
        fixture.process(pipeline, fixture.message("m2", "typo"));

        fixture.process(pipeline, new Deleted(fixture.header("d1"), "m1"));
        fixture.process(pipeline, new Edited(fixture.header("e1"), "m2", new Text("fixed")));

        assertThat(history()).extracting(MessageRecord::messageId, m -> m.text().orElse(""))
                .containsExactly(tuple("m2", "fixed"));
    }

    @Test
    void givesTheConversationToAPersonOnAnEchoFromElsewhere() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.process(pipeline, echo("phone-1", Optional.empty()));

        assertThat(conversation().state()).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(conversation().replyDueAt()).isEmpty();
        assertThat(history()).extracting(MessageRecord::author).containsExactly(Author.CUSTOMER, Author.BUSINESS_ELSEWHERE);
        assertThat(fixture.stores.audit().list(TENANT, 10)).extracting(AuditEvent::action).contains("ownership");
    }

    @Test
    void keepsTheBotOnTheEchoOfItsOwnMessage() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));
        OutboxEntry sent = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "hello"), "k1");
        fixture.stores.messages().rename(TENANT, CHANNEL, sent.provisionalMessageId(), java.util.List.of("mid-1"));

        fixture.process(pipeline, echo("mid-1", Optional.empty()));

        assertThat(conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(history()).extracting(MessageRecord::author).containsExactly(Author.CUSTOMER, Author.BOT);
    }

    @Test
    void keepsTheBotOnAnUnmarkedEchoOfItsMessageStillBeingSent() throws Exception {
        // given: our reply is queued, and the channel's echo overtakes the answer to the send
        fixture.process(pipeline, fixture.message("m1", "hi"));
        pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "sent"), "k1");
        startSending();

        // when
        fixture.process(pipeline, echo("mid-5", Optional.empty()));

        // then
        assertThat(conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(history()).extracting(MessageRecord::author).containsExactly(Author.CUSTOMER, Author.BOT);
    }

    @Test
    void givesTheConversationToAPersonWhoTypesTheBotsTextWhileNothingIsBeingSent() throws Exception {
        // given: the bot's message failed for good and keeps its provisional id
        fixture.process(pipeline, fixture.message("m1", "hi"));
        pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "sent"), "k1");
        OutboxEntry claimed = fixture.stores.outbox().claim("w", 1, Duration.ofMinutes(1), fixture.clock.instant())
                .get(0);
        fixture.stores.outbox().markDead(claimed, "refused");

        // when: a person writes the same line from the Instagram app
        fixture.process(pipeline, echo("mid-5", Optional.empty()));

        // then
        assertThat(conversation().state()).isEqualTo(ConversationState.WITH_AGENT);
    }

    @Test
    void givesTheConversationToAPersonOnAnEchoWithOtherTextWhileOursIsBeingSent() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));
        pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "our reply"), "k1");
        startSending();

        fixture.process(pipeline, echo("mid-6", Optional.empty()));

        assertThat(conversation().state()).isEqualTo(ConversationState.WITH_AGENT);
    }

    @Test
    void keepsTheBotOnAnEchoCarryingOurMetadataMarker() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.process(pipeline, echo("mid-2", Optional.of(EchoMarker.VALUE)));

        assertThat(conversation().state()).isEqualTo(ConversationState.BOT);
    }

    @Test
    void keepsTheBotOnAnEchoSentByOurAppBeforeItsIdWasRecorded() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.process(pipeline, new Echo(fixture.header("mid-3"), new Text("sent"), Optional.of("our-app"),
                Optional.empty()));

        assertThat(conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(history()).extracting(MessageRecord::author).containsExactly(Author.CUSTOMER);
    }

    @Test
    void givesTheConversationToAPersonOnAnEchoSentByAnotherApp() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.process(pipeline, new Echo(fixture.header("mid-4"), new Text("sent"), Optional.of("inbox-app"),
                Optional.empty()));

        assertThat(conversation().state()).isEqualTo(ConversationState.WITH_AGENT);
    }

    @Test
    void givesTheConversationToAPersonInStandbyAndBackWhenControlIsPassedToUs() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.process(pipeline, handover("h1", Handover.Action.STANDBY, Optional.empty()));
        ConversationState inStandby = conversation().state();
        fixture.process(pipeline, handover("h2", Handover.Action.PASS, Optional.of("our-app")));

        assertThat(inStandby).isEqualTo(ConversationState.WITH_AGENT);
        assertThat(conversation().state()).isEqualTo(ConversationState.BOT);
    }

    @Test
    void givesTheConversationToAPersonWhenControlIsPassedToAnotherApp() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.process(pipeline, handover("h1", Handover.Action.PASS, Optional.of("inbox-app")));

        assertThat(conversation().state()).isEqualTo(ConversationState.WITH_AGENT);
    }

    @Test
    void aNoticeOfAChangedNumberIsNotAnsweredAndStartsTheNewNumbersHistory() throws Exception {
        fixture.process(pipeline, fixture.message("m1", "hi"));
        ConversationKey moved = new ConversationKey(CHANNEL, KEY.accountId(), "bob");

        fixture.process(pipeline, notice("n1", new SystemNotice("user_changed_number", "Alice changed from alice to bob",
                Optional.of("bob"))));

        assertThat(fixture.stores.contacts().find(TENANT, CHANNEL, "bob")).get()
                .extracting(Contact::name).isEqualTo(Optional.of("Alice"));
        assertThat(fixture.stores.messages().history(TENANT, moved, 10)).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("n1");
            assertThat(message.text()).contains("Alice changed from alice to bob");
        });
        assertThat(history()).extracting(MessageRecord::messageId).containsExactly("m1");
        assertThat(fixture.stores.conversations().find(TENANT, moved).orElseThrow().replyDueAt()).isEmpty();
        assertThat(notices()).containsExactly("user_changed_number");
    }

    @Test
    void aNoticeOfAChangedIdentityIsAuditedAndNeitherStoredAsAMessageNorAnswered() throws Exception {
        fixture.process(pipeline, notice("n2", new SystemNotice("customer_identity_changed", "User identity changed",
                Optional.empty())));

        assertThat(history()).isEmpty();
        assertThat(fixture.stores.conversations().find(TENANT, KEY).flatMap(Conversation::replyDueAt)).isEmpty();
        assertThat(notices()).containsExactly("customer_identity_changed");
    }

    @Test
    void keepsAnUnsupportedEventInTheAuditLogWithoutFailing() throws Exception {
        fixture.process(pipeline, new Unsupported(fixture.header("u1"), "mystery_field", "{\"secret\":\"x\"}"));

        assertThat(fixture.stores.audit().list(TENANT, 10)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("unsupported_event");
            assertThat(event.details()).containsEntry("type", "mystery_field").doesNotContainValue("{\"secret\":\"x\"}");
        });
    }

    private InboundMessage notice(String id, SystemNotice notice) {
        return new InboundMessage(fixture.header(id), notice, MessageContext.NONE,
                new SenderProfile(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private List<String> notices() {
        return fixture.stores.audit().list(TENANT, 10).stream().filter(event -> "contact_notice".equals(event.action()))
                .map(event -> event.details().get("noticeType")).toList();
    }

    private StatusUpdate status(String id, DeliveryStatus status) {
        return new StatusUpdate(fixture.header(id), "wamid-1", status, List.of(), Map.of());
    }

    private Echo echo(String id, Optional<String> metadata) {
        return new Echo(fixture.header(id), new Text("sent"), Optional.empty(), metadata);
    }

    private Handover handover(String id, Handover.Action action, Optional<String> newOwner) {
        return new Handover(fixture.header(id), action, Optional.empty(), newOwner, Optional.empty());
    }

    private Conversation conversation() {
        return fixture.stores.conversations().find(TENANT, KEY).orElseThrow();
    }

    private List<MessageRecord> history() {
        return fixture.stores.messages().history(TENANT, KEY, 50);
    }

    /** The outbox worker claims the queued message and is sending it now. */
    private void startSending() {
        OutboxEntry claimed = fixture.stores.outbox().claim("w", 1, Duration.ofMinutes(1), fixture.clock.instant())
                .get(0);
        fixture.stores.outbox().markSending(claimed, Duration.ofMinutes(1), fixture.clock.instant());
    }
}
