package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.CHANNEL;
import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.privacy.OptOutKeywords;
import dev.conversa.respond.Reply;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The CONSENT step: STOP and START recorded once, confirmed once, and the responder kept away. */
class ConsentStepTest {

    private static final String EN_OPTED_OUT = OptOutKeywords.defaults().match("STOP").orElseThrow().confirmation();

    private final PipelineFixture fixture = new PipelineFixture();
    private final AtomicInteger responderCalls = new AtomicInteger();
    private final Pipeline pipeline = fixture.builder().responder(request -> {
        responderCalls.incrementAndGet();
        return Reply.text("Here is our offer.");
    }).build();

    @Test
    void stopRecordsTheOptOutAndQueuesOneConfirmationWithoutAskingTheResponder() throws Exception {
        // when
        fixture.process(pipeline, fixture.message("wamid.1", "Stop"));
        fixture.clock.advance(Duration.ofSeconds(30));
        fixture.runDue(pipeline);

        // then
        assertThat(fixture.stores.consents().latest(TENANT, CHANNEL, KEY.contactId(), ConsentRecord.ALL))
                .hasValueSatisfying(change -> {
                    assertThat(change.optedIn()).isFalse();
                    assertThat(change.source()).isEqualTo(ConsentRecord.SOURCE_KEYWORD);
                });
        assertThat(allOutbox()).singleElement().satisfies(entry -> {
            assertThat(entry.message().content()).isEqualTo(new Text(EN_OPTED_OUT));
            assertThat(entry.idempotencyKey()).startsWith("consent:");
        });
        assertThat(responderCalls).hasValue(0);
    }

    @Test
    void processingTheSameEntryAgainAfterACrashQueuesNoSecondConfirmation() throws Exception {
        // given: the entry was processed, but the worker stopped before completing it
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("wamid.1", "BAJA")), fixture.clock.instant());
        InboxEntry entry = fixture.stores.inbox().claim("w1", 1, Duration.ofSeconds(15), fixture.clock.instant())
                .get(0);
        pipeline.process(entry);

        // when: the lease ran out and another worker takes the entry again
        fixture.clock.advance(Duration.ofSeconds(20));
        InboxEntry again = fixture.stores.inbox().claim("w2", 1, Duration.ofSeconds(15), fixture.clock.instant())
                .get(0);
        pipeline.process(again);
        fixture.stores.inbox().complete(again, fixture.clock.instant());

        // then
        assertThat(again.id()).isEqualTo(entry.id());
        assertThat(allOutbox()).hasSize(1);
        assertThat(fixture.stores.consents().list(TENANT, CHANNEL, KEY.contactId())).hasSize(1);
        assertThat(responderCalls).hasValue(0);
    }

    @Test
    void aReplyAlreadyScheduledBeforeTheStopIsNeverAsked() throws Exception {
        // given: a message whose reply is due after the quiet window
        fixture.process(pipeline, fixture.message("wamid.1", "Do you deliver on Sunday?"));

        // when: STOP arrives before the reply is due
        fixture.clock.advance(Duration.ofMillis(500));
        fixture.process(pipeline, fixture.message("wamid.2", "STOP"));
        fixture.clock.advance(Duration.ofSeconds(15));
        fixture.runDue(pipeline);

        // then
        assertThat(responderCalls).hasValue(0);
        assertThat(allOutbox()).extracting(entry -> entry.message().content()).containsExactly(new Text(EN_OPTED_OUT));
        assertThat(fixture.stores.conversations().find(TENANT, KEY).orElseThrow().replyDueAt()).isEmpty();
    }

    @Test
    void aMessageInsideASentenceIsAnOrdinaryMessage() throws Exception {
        fixture.process(pipeline, fixture.message("wamid.1", "stop, I'll come tomorrow"));
        fixture.clock.advance(Duration.ofSeconds(15));
        fixture.runDue(pipeline);

        assertThat(fixture.stores.consents().list(TENANT, CHANNEL, KEY.contactId())).isEmpty();
        assertThat(responderCalls).hasValue(1);
    }

    @Test
    void messagesOfAPersonWhoOptedOutAreRecordedButNotAnswered() throws Exception {
        fixture.process(pipeline, fixture.message("wamid.1", "STOP"));
        fixture.clock.advance(Duration.ofMinutes(1));

        fixture.process(pipeline, fixture.message("wamid.2", "Where is my parcel?"));
        fixture.clock.advance(Duration.ofSeconds(15));
        fixture.runDue(pipeline);

        assertThat(responderCalls).hasValue(0);
        assertThat(fixture.stores.messages().history(TENANT, KEY, 10)).extracting(m -> m.messageId())
                .contains("wamid.2");
        assertThat(allOutbox()).hasSize(1);
    }

    @Test
    void anOrdinaryMessageInTheSameSecondAsTheStopIsNotAnswered() throws Exception {
        fixture.process(pipeline, fixture.message("wamid.1", "STOP"));

        fixture.process(pipeline, fixture.message("wamid.2", "and delete my number"));
        fixture.clock.advance(Duration.ofSeconds(15));
        fixture.runDue(pipeline);

        assertThat(responderCalls).hasValue(0);
    }

    @Test
    void aSecondStopIsRecordedWithoutASecondConfirmation() throws Exception {
        fixture.process(pipeline, fixture.message("wamid.1", "STOP"));
        fixture.clock.advance(Duration.ofMinutes(1));

        fixture.process(pipeline, fixture.message("wamid.2", "unsubscribe"));

        assertThat(allOutbox()).hasSize(1);
        assertThat(fixture.stores.consents().list(TENANT, CHANNEL, KEY.contactId())).hasSize(2);
    }

    @Test
    void startAfterAnOptOutOptsInConfirmsAndLetsTheResponderAnswerAgain() throws Exception {
        // given
        fixture.process(pipeline, fixture.message("wamid.1", "SAIR"));
        fixture.clock.advance(Duration.ofMinutes(1));

        // when
        fixture.process(pipeline, fixture.message("wamid.2", "voltar!"));
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.process(pipeline, fixture.message("wamid.3", "Olá"));
        fixture.clock.advance(Duration.ofSeconds(15));
        fixture.runDue(pipeline);

        // then
        OptOutKeywords defaults = OptOutKeywords.defaults();
        assertThat(fixture.stores.consents().isOptedOut(TENANT, CHANNEL, KEY.contactId(), ConsentRecord.ALL))
                .isFalse();
        assertThat(allOutbox()).extracting(entry -> entry.message().content()).startsWith(
                new Text(defaults.match("SAIR").orElseThrow().confirmation()),
                new Text(defaults.match("VOLTAR").orElseThrow().confirmation()));
        assertThat(responderCalls).hasValue(1);
    }

    @Test
    void startFromAPersonWhoNeverOptedOutIsAnOrdinaryMessage() throws Exception {
        fixture.process(pipeline, fixture.message("wamid.1", "START"));
        fixture.clock.advance(Duration.ofSeconds(15));
        fixture.runDue(pipeline);

        assertThat(fixture.stores.consents().list(TENANT, CHANNEL, KEY.contactId())).isEmpty();
        assertThat(responderCalls).hasValue(1);
    }

    @Test
    void aTenantsOwnKeywordsReplaceTheDefaults() throws Exception {
        // given
        OptOutKeywords italian = OptOutKeywords.builder().withoutDefaults().optOut("it", "BASTA").optIn("it", "AVANTI")
                .confirmations("it", "Fatto.", "Bentornato.").build();
        Pipeline own = fixture.builder().responder(request -> Reply.silence()).optOutKeywords(TENANT, italian).build();

        // when
        fixture.process(own, fixture.message("wamid.1", "STOP"));
        fixture.process(own, fixture.message("wamid.2", "Basta."));

        // then
        assertThat(fixture.stores.consents().list(TENANT, CHANNEL, KEY.contactId())).singleElement()
                .satisfies(change -> assertThat(change.at()).isEqualTo(fixture.clock.instant()));
        assertThat(allOutbox()).extracting(entry -> entry.message().content()).containsExactly(new Text("Fatto."));
    }

    @Test
    void theConfirmationKeyPrefixIsReservedForTheConsentStep() {
        assertThatThrownBy(() -> pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "Hi"), "consent:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consent:");
    }

    private List<OutboxEntry> allOutbox() {
        List<OutboxEntry> all = new ArrayList<>();
        for (OutboxState state : OutboxState.values()) {
            all.addAll(fixture.stores.outbox().list(TENANT, state, 100));
        }
        return all;
    }
}
