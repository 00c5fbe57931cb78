package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.internal.privacy.PersonConsent;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.respond.Reply;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * STOP and START on the JDBC stores, H2 and PostgreSQL: the keyword recorded and confirmed once
 * under a retry, and the opt-out the send gate reads found from the same person's other channel
 * (linked by phone number through the contact store).
 */
class StopOnJdbcTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final String WA_ID = "34612345678";
    private static final String PSID = "psid-77";
    private static final String PHONE = "+34 612 345 678";

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private final AtomicInteger responderCalls = new AtomicInteger();

    @Test
    void stopCoversTheLinkedPersonAndIsConfirmedOnceOnH2() throws Exception {
        assertStopAndStart(TestDatabases.h2(clock).stores());
    }

    @Test
    void stopCoversTheLinkedPersonAndIsConfirmedOnceOnPostgres() throws Exception {
        assertStopAndStart(TestDatabases.postgres(clock).stores());
    }

    private void assertStopAndStart(Stores stores) throws Exception {
        // given: the person wrote on Messenger and was answered
        Pipeline pipeline = Pipeline.builder().stores(stores).clock(clock)
                .capabilities(ChannelType.WHATSAPP, capabilities()).capabilities(ChannelType.MESSENGER, capabilities())
                .responder(request -> {
                    responderCalls.incrementAndGet();
                    return Reply.text("Here is our offer.");
                }).build();
        process(stores, pipeline, message(ChannelType.MESSENGER, "page-1", PSID, "m.1", "Hi"), false);
        assertThat(responderCalls).hasValue(1);

        // when: STOP on WhatsApp, its entry processed twice (a retry after a crash)
        process(stores, pipeline, message(ChannelType.WHATSAPP, "phone-1", WA_ID, "wamid.stop", "Stop"), true);

        // then
        assertThat(outbox(stores)).filteredOn(entry -> PersonConsent.isConfirmation(entry.idempotencyKey()))
                .singleElement();
        assertThat(stores.consents().list(TENANT, ChannelType.WHATSAPP, WA_ID)).singleElement()
                .satisfies(change -> assertThat(change.source()).isEqualTo(ConsentRecord.SOURCE_KEYWORD));
        assertThat(PersonConsent.optedOutAt(stores, TENANT, ChannelType.MESSENGER, PSID)).isPresent();

        // when: the person writes on Messenger again
        clock.advance(Duration.ofMinutes(1));
        process(stores, pipeline, message(ChannelType.MESSENGER, "page-1", PSID, "m.2", "Hello?"), false);

        // then
        assertThat(responderCalls).hasValue(1);

        // when: START on WhatsApp
        clock.advance(Duration.ofMinutes(1));
        process(stores, pipeline, message(ChannelType.WHATSAPP, "phone-1", WA_ID, "wamid.start", "START"), false);

        // then
        assertThat(PersonConsent.optedOutAt(stores, TENANT, ChannelType.MESSENGER, PSID)).isEmpty();
        assertThat(outbox(stores)).filteredOn(entry -> PersonConsent.isConfirmation(entry.idempotencyKey()))
                .hasSize(2);
    }

    private static ChannelCapabilities capabilities() {
        return ChannelCapabilities.builder().maxTextLength(4096).replyWindow(Duration.ofHours(24)).build();
    }

    private InboundMessage message(ChannelType channel, String account, String contact, String id, String text) {
        return new InboundMessage(new EventHeader(channel, account, contact, id, clock.instant()), new Text(text),
                MessageContext.NONE, new SenderProfile(Optional.of("Ana"), Optional.empty(), Optional.of(PHONE)));
    }

    /** Appends the event and runs what is due, as the dispatcher does; {@code twice} runs each entry again first. */
    private void process(Stores stores, Pipeline pipeline, InboundMessage event, boolean twice) throws Exception {
        stores.inbox().append(TENANT, List.of(event), clock.instant());
        for (int round = 0; round < 2; round++) {
            for (InboxEntry entry : stores.inbox().claim("stop", 10, Duration.ofMinutes(1), clock.instant())) {
                if (twice) {
                    pipeline.process(entry);
                }
                assertThat(pipeline.process(entry)).isEmpty();
                stores.inbox().complete(entry, clock.instant());
            }
            clock.advance(Duration.ofSeconds(15));
        }
    }

    private static List<OutboxEntry> outbox(Stores stores) {
        List<OutboxEntry> all = new ArrayList<>();
        for (OutboxState state : OutboxState.values()) {
            all.addAll(stores.outbox().list(TENANT, state, 100));
        }
        return all;
    }
}
