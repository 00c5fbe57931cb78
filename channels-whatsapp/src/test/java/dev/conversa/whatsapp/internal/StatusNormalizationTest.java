package dev.conversa.whatsapp.internal;

import static dev.conversa.whatsapp.internal.Fixtures.header;
import static dev.conversa.whatsapp.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.ChannelError;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.PlatformError;
import dev.conversa.whatsapp.WhatsAppChannel;
import dev.conversa.model.StatusUpdate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusNormalizationTest {

    private static final String SENT = "wamid.HBgLMTYzMTU1NTExODEVAgARGBI3RjM5QTY0RjM2RTI0ODZCQjUA";

    @Test
    void readsSentStatusKeepingConversationAndPricing() {
        assertThat(single("status_sent")).isEqualTo(new StatusUpdate(header(SENT + ":sent", 1749419000), SENT,
                DeliveryStatus.SENT, List.of(), Map.of(
                        "biz_opaque_callback_data", "campaign-7",
                        "conversation.id", "8a5d1c2ef45e0f9b7c3a6d1e2f4b5c6d",
                        "conversation.expiration_timestamp", "1749505400",
                        "conversation.origin.type", "service",
                        "pricing.billable", "true",
                        "pricing.pricing_model", "PMP",
                        "pricing.category", "service",
                        "pricing.type", "free_customer_service")));
    }

    @Test
    void readsDeliveredStatusWithPricingOnly() {
        assertThat(single("status_delivered")).isEqualTo(new StatusUpdate(header(SENT + ":delivered", 1749419005),
                SENT, DeliveryStatus.DELIVERED, List.of(), Map.of(
                        "pricing.billable", "false",
                        "pricing.pricing_model", "PMP",
                        "pricing.category", "utility",
                        "pricing.type", "free_customer_service")));
    }

    @Test
    void readsReadStatus() {
        assertThat(single("status_read")).isEqualTo(new StatusUpdate(header(SENT + ":read", 1749419060), SENT,
                DeliveryStatus.READ, List.of(), Map.of()));
    }

    @Test
    void readsAGroupMessagesStatusUnderTheGroupsConversation() {
        String sent = "wamid.HBgSMTIwMzYzMDI5Mzg0NzU2MTAyFQIAERgSR1JPVVBSRVBMWTAwMDAwMDEA";

        assertThat(single("status_group_read")).isEqualTo(new StatusUpdate(
                header("group:120363029384756102@g.us", sent + ":read", 1749421300), sent, DeliveryStatus.READ,
                List.of(), Map.of("recipient_type", "group",
                        "recipient_participant_user_id", "IN.50918273645019283746")));
    }

    @Test
    void readsPlayedStatus() {
        assertThat(single("status_played")).isEqualTo(new StatusUpdate(header(SENT + ":played", 1749419090), SENT,
                DeliveryStatus.PLAYED, List.of(), Map.of()));
    }

    @Test
    void readsFailedStatusWithErrors() {
        assertThat(single("status_failed")).isEqualTo(new StatusUpdate(header(SENT + ":failed", 1749419100), SENT,
                DeliveryStatus.FAILED, List.of(new ChannelError(131047, "Re-engagement message",
                        Optional.of("Re-engagement message"),
                        Optional.of("Message failed to send because more than 24 hours have passed since the customer"
                                + " last replied to this number."))), Map.of()));
    }

    @Test
    void mapsUnknownStatusValueToUnknown() {
        assertThat(single("status_unknown_value")).isEqualTo(new StatusUpdate(header(SENT + ":deleted", 1749419200),
                SENT, DeliveryStatus.UNKNOWN, List.of(), Map.of()));
    }

    @Test
    void reportsChangeLevelErrorsAsPlatformError() {
        PlatformError error = (PlatformError) single("change_errors");

        assertThat(error.errors()).containsExactly(new ChannelError(130429, "Rate limit hit", Optional.of("Rate limit hit"),
                Optional.of("Cloud API message throughput has been reached.")));
        assertThat(error.header()).isEqualTo(new EventHeader(ChannelType.WHATSAPP, Fixtures.ACCOUNT, Fixtures.ACCOUNT,
                error.header().externalId(), Fixtures.RECEIVED_AT,
                Map.of(WhatsAppChannel.DISPLAY_PHONE_NUMBER, Fixtures.DISPLAY_NUMBER)));
        assertThat(error.header().externalId()).startsWith("errors:");
    }

    @Test
    void keepsTheOrderOfEntriesChangesMessagesAndStatuses() {
        List<InboundEvent> events = Fixtures.normalize("batch");

        assertThat(events).extracting(e -> e.header().externalId()).containsExactly(
                "wamid.BATCH1", "wamid.BATCH2", SENT + ":read", SENT + ":delivered", "wamid.BATCH3");
        assertThat(events).extracting(e -> e.header().contactId()).containsExactly(
                Fixtures.CUSTOMER, "4915112345678", Fixtures.CUSTOMER, Fixtures.CUSTOMER, Fixtures.CUSTOMER);
        assertThat(events).extracting(e -> e.header().accountId()).containsExactly(
                Fixtures.ACCOUNT, Fixtures.ACCOUNT, Fixtures.ACCOUNT, Fixtures.ACCOUNT, "106540352200000");
    }

    @Test
    void rejectsPayloadOfAnotherObject() {
        WhatsAppNormalizer normalizer = new WhatsAppNormalizer(Clock.systemUTC());

        assertThatThrownBy(() -> normalizer.normalize(Fixtures.JSON.readTree("{\"object\":\"page\",\"entry\":[]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whatsapp_business_account");
    }
}
