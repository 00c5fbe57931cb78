package dev.conversa.whatsapp;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.contract.ChannelAdapterContract;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class WhatsAppChannelContractTest extends ChannelAdapterContract {

    /**
     * Changes without a timestamp (such as {@code security}) are stamped with the time of
     * receipt from the adapter's clock, so the adapter is pure only for a given clock: a fixed one.
     */
    @Override
    protected ChannelAdapter adapter() {
        return WhatsAppChannel.builder().clock(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    @Override
    protected String sampleTextPayload() {
        return WhatsAppWebhook.builder()
                .message(WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher"),
                        WhatsAppMessage.text("wamid.contract1", "Does the blue jacket come in size M?"))
                .json();
    }

    @Override
    protected String unknownShapePayload() {
        return WhatsAppWebhook.builder()
                .otherField("security", "{\"display_phone_number\":\"15550783881\",\"event\":\"PIN_CHANGED\"}")
                .json();
    }

    @Override
    protected String accountId() {
        return WhatsAppWebhook.PHONE_NUMBER_ID;
    }
}
