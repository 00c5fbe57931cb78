package dev.conversa.pipeline;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** In-memory stores, a mutable clock and helpers that run events through a pipeline. */
final class PipelineFixture {

    static final TenantId TENANT = TenantId.of("shop");
    static final ChannelType CHANNEL = ChannelType.WHATSAPP;
    static final ConversationKey KEY = new ConversationKey(CHANNEL, "acct", "alice");

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final Stores stores = InMemoryStores.create();

    Pipeline.Builder builder() {
        return Pipeline.builder().stores(stores).clock(clock).capabilities(CHANNEL, capabilities());
    }

    static ChannelCapabilities capabilities() {
        return ChannelCapabilities.builder()
                .maxTextLength(4096)
                .maxButtons(3)
                .maxButtonTitleLength(20)
                .maxListRows(10)
                .templates(true)
                .reactions(true)
                .readReceipts(true)
                .replyWindow(Duration.ofHours(24))
                .build();
    }

    EventHeader header(String externalId) {
        return new EventHeader(CHANNEL, KEY.accountId(), KEY.contactId(), externalId, clock.instant());
    }

    InboundMessage message(String id, String text) {
        return new InboundMessage(header(id), new Text(text), MessageContext.NONE,
                new SenderProfile(Optional.of("Alice"), Optional.empty(), Optional.of("15550001")));
    }

    /** Appends the event to the inbox, claims it and runs it through the pipeline. */
    void process(Pipeline pipeline, InboundEvent event) throws Exception {
        stores.inbox().append(TENANT, List.of(event), clock.instant());
        runDue(pipeline);
    }

    /**
     * Claims whatever is due now (events or reply tasks) and runs it, completing it or, when the
     * pipeline deferred it, giving it back until then, as the dispatcher does.
     */
    void runDue(Pipeline pipeline) throws Exception {
        for (InboxEntry entry : stores.inbox().claim("test", 10, Duration.ofMinutes(1), clock.instant())) {
            Optional<Instant> deferred = pipeline.process(entry);
            if (deferred.isPresent()) {
                stores.inbox().retry(entry, deferred.get(), "deferred");
            } else {
                stores.inbox().complete(entry, clock.instant());
            }
        }
    }
}
