package dev.conversa.channel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChannelAdapter} must do, whatever its channel: a stable identity, sane
 * capabilities, a pure normalization that never throws for unknown input and keeps it as
 * {@link Unsupported}, and limits checked before any request. A channel module runs it by
 * extending this class and supplying the adapter and two payloads of its channel.
 */
public abstract class ChannelAdapterContract {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    /**
     * The adapter under test, built as a host would build it.
     *
     * @return a new adapter
     */
    protected abstract ChannelAdapter adapter();

    /**
     * A webhook body of this channel holding one text message from a customer.
     *
     * @return the JSON text
     */
    protected abstract String sampleTextPayload();

    /**
     * A webhook body of this channel whose event or field the adapter does not know.
     *
     * @return the JSON text
     */
    protected abstract String unknownShapePayload();

    /**
     * The account id messages are sent from in {@link #refusesTooLongTextBeforeAnyRequest()}.
     *
     * @return a business account id of this channel
     */
    protected String accountId() {
        return "1000000000001";
    }

    @Test
    void webhookObjectAndTypeAreNonBlankAndStable() {
        ChannelAdapter adapter = adapter();

        assertThat(adapter.webhookObject()).isNotBlank().isEqualTo(adapter().webhookObject());
        assertThat(adapter.type()).isNotNull().isEqualTo(adapter().type());
        assertThat(adapter.type().value()).isNotBlank();
    }

    @Test
    void declaresSaneCapabilities() {
        ChannelCapabilities capabilities = adapter().capabilities();

        assertThat(capabilities.maxTextLength()).isPositive();
        assertThat(capabilities.replyWindow()).isGreaterThan(Duration.ZERO);
        assertThat(capabilities.maxButtons()).isNotNegative();
        assertThat(capabilities.maxListRows()).isNotNegative();
        assertThat(capabilities.maxQuickReplies()).isNotNegative();
        assertThat(capabilities.maxButtons() == 0 || capabilities.maxButtonTitleLength() > 0)
                .as("a channel with buttons allows button titles").isTrue();
        capabilities.humanAgentWindow().ifPresent(window ->
                assertThat(window).isGreaterThan(capabilities.replyWindow()));
    }

    @Test
    void normalizesSampleTextToAnInboundTextMessage() {
        List<InboundEvent> events = normalize(sampleTextPayload());

        assertThat(events).filteredOn(InboundMessage.class::isInstance)
                .map(event -> ((InboundMessage) event).content())
                .hasAtLeastOneElementOfType(Text.class);
    }

    @Test
    void normalizesUnknownShapeToUnsupportedWithRawJson() {
        List<InboundEvent> events = normalize(unknownShapePayload());

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event).isInstanceOf(Unsupported.class);
            assertThat(((Unsupported) event).rawJson()).isNotBlank();
        });
    }

    @Test
    void normalizesEmptyEntryListToNoEvents() {
        String empty = "{\"object\":\"" + adapter().webhookObject() + "\",\"entry\":[]}";

        assertThat(normalize(empty)).isEmpty();
    }

    @Test
    void everyEventHeaderHasIdsAndTheAdaptersChannel() {
        ChannelAdapter adapter = adapter();

        List<InboundEvent> events = new ArrayList<>(normalize(sampleTextPayload()));
        events.addAll(normalize(unknownShapePayload()));

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.header().channel()).isEqualTo(adapter.type());
            assertThat(event.header().accountId()).isNotBlank();
            assertThat(event.header().contactId()).isNotBlank();
            assertThat(event.header().externalId()).isNotBlank();
        });
    }

    @Test
    void normalizeIsPure() {
        ChannelAdapter adapter = adapter();

        for (String json : List.of(sampleTextPayload(), unknownShapePayload())) {
            assertThat(adapter.normalize(parse(json))).isEqualTo(adapter.normalize(parse(json)));
        }
    }

    @Test
    void refusesTooLongTextBeforeAnyRequest() {
        // given
        ChannelAdapter adapter = adapter();
        RefusingGraphClient graph = new RefusingGraphClient();
        ChannelAccount account = ChannelAccount.of(TenantId.of("contract-tenant"), adapter.type(), accountId(),
                Secret.of("contract-token"));
        String tooLong = "x".repeat(adapter.capabilities().maxTextLength() + 1);
        OutboundMessage message = OutboundMessage.text(new ConversationKey(adapter.type(), accountId(), "2000000000002"),
                tooLong);
        SendRequest request = new SendRequest(account, message, Optional.of(NOW.minusSeconds(60)), NOW);

        // when / then
        assertThatThrownBy(() -> adapter.send(request, graph)).isInstanceOf(IllegalArgumentException.class);
        assertThat(graph.calls()).isEmpty();
    }

    private List<InboundEvent> normalize(String json) {
        return adapter().normalize(parse(json));
    }

    private static WebhookPayload parse(String json) {
        return WebhookPayload.of(json.getBytes(StandardCharsets.UTF_8));
    }
}
