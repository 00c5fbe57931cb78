package dev.conversa.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The in-memory inbox does not grow for ever: a completed entry leaves the claimable work at
 * once, and its key stops deduplicating once it is older than the replay window, while work
 * still to do keeps deduplicating however old it is.
 */
class InMemoryInboxBoundsTest {

    private static final TenantId TENANT = TenantId.of("t");
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private final Inbox inbox = InMemoryStores.create().inbox();

    @Test
    void aCompletedEventStopsDeduplicatingAfterTheReplayWindowOnly() {
        InboxEntry entry = inbox.append(TENANT, List.of(message("m1", START)), START).get(0);
        inbox.complete(inbox.claim("w", 1, Duration.ofSeconds(15), START).get(0), START);
        assertThat(entry.id()).isPositive();

        Instant withinWindow = START.plus(InMemoryInbox.DEDUP_WINDOW).minusSeconds(1);
        assertThat(inbox.append(TENANT, List.of(message("m1", START)), withinWindow)).isEmpty();

        Instant afterWindow = START.plus(InMemoryInbox.DEDUP_WINDOW).plusSeconds(1);
        assertThat(inbox.append(TENANT, List.of(message("m1", START)), afterWindow)).hasSize(1);
    }

    @Test
    void anEventStillToDoKeepsDeduplicatingPastTheWindow() {
        inbox.append(TENANT, List.of(message("m1", START)), START);

        Instant afterWindow = START.plus(InMemoryInbox.DEDUP_WINDOW).plusSeconds(1);

        assertThat(inbox.append(TENANT, List.of(message("m1", START)), afterWindow)).isEmpty();
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void completedEntriesAreNoLongerCounted() {
        for (int i = 0; i < 100; i++) {
            inbox.append(TENANT, List.of(message("m" + i, START)), START);
            inbox.complete(inbox.claim("w", 1, Duration.ofSeconds(15), START).get(0), START);
        }

        assertThat(inbox.pendingCount()).isZero();
        assertThat(inbox.claim("w", 10, Duration.ofSeconds(15), START)).isEmpty();
    }

    private static InboundMessage message(String id, Instant at) {
        return new InboundMessage(new EventHeader(ChannelType.WHATSAPP, "phone-1", "anna", id, at), new Text("hi"),
                MessageContext.NONE, new SenderProfile(Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
