package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.EventHeader;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusStormTest {

    private static final TenantId TENANT = TenantId.of("broadcaster");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

    static Stream<Arguments> databases() {
        Function<Clock, JdbcStores> h2 = TestDatabases::h2;
        Function<Clock, JdbcStores> postgres = TestDatabases::postgres;
        return Stream.of(Arguments.of("h2", h2), Arguments.of("postgresql", postgres));
    }

    private static MessageStore messagesWithBroadcastTo(Function<Clock, JdbcStores> database, int recipients) {
        MessageStore messages = database.apply(Clock.systemUTC()).stores().messages();
        for (int i = 0; i < recipients; i++) {
            messages.append(new MessageRecord(TENANT, recipient(i), "wamid.b" + i, Direction.OUTBOUND, Author.BOT,
                    "template", Optional.empty(), DeliveryStatus.PENDING, AT));
        }
        return messages;
    }

    private static ConversationKey recipient(int i) {
        return new ConversationKey(ChannelType.WHATSAPP, "phone-1", "contact-" + i);
    }

    private static StatusUpdate status(int recipient, DeliveryStatus status) {
        EventHeader header = new EventHeader(ChannelType.WHATSAPP, "phone-1",
                "contact-" + recipient, "status-" + recipient + "-" + status, AT);
        return new StatusUpdate(header, "wamid.b" + recipient, status, List.of(), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStormOfStatusesMovesEveryMessageToItsFurthestStatus(String name, Function<Clock, JdbcStores> database) {
        // given
        MessageStore messages = messagesWithBroadcastTo(database, 100);
        List<StatusUpdate> storm = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            storm.add(status(i, DeliveryStatus.SENT));
            storm.add(status(i, DeliveryStatus.READ));
            storm.add(status(i, DeliveryStatus.DELIVERED));
        }

        // when
        int changed = messages.updateStatuses(TENANT, storm);

        // then
        assertThat(changed).isEqualTo(200);
        for (int i = 0; i < 100; i++) {
            assertThat(messages.find(TENANT, ChannelType.WHATSAPP, "wamid.b" + i).orElseThrow()
                    .status()).isEqualTo(DeliveryStatus.READ);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStormNeverTouchesAnotherTenantsMessages(String name, Function<Clock, JdbcStores> database) {
        MessageStore messages = messagesWithBroadcastTo(database, 3);

        int changed = messages.updateStatuses(TenantId.of("someone-else"), List.of(status(0, DeliveryStatus.READ)));

        assertThat(changed).isZero();
        assertThat(messages.find(TENANT, ChannelType.WHATSAPP, "wamid.b0").orElseThrow().status())
                .isEqualTo(DeliveryStatus.PENDING);
    }
}
