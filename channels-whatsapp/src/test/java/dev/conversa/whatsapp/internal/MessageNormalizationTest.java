package dev.conversa.whatsapp.internal;

import static dev.conversa.whatsapp.internal.Fixtures.KERRY;
import static dev.conversa.whatsapp.internal.Fixtures.header;
import static dev.conversa.whatsapp.internal.Fixtures.replyTo;
import static dev.conversa.whatsapp.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Contacts;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.Location;
import dev.conversa.model.MessageContext;
import dev.conversa.model.Order;
import dev.conversa.model.OrderItem;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.SharedContact;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.Text;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageNormalizationTest {

    @Test
    void readsTextMessageWithSenderProfile() {
        assertThat(single("text")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTRBNjU5OUFBRjBBRTQ2QjcyQgA=", 1749416383),
                new Text("Does the blue jacket come in size M?"), MessageContext.NONE, KERRY));
    }

    @Test
    void keepsTheBusinessDisplayNumberFromTheMetadata() {
        assertThat(single("text").header().attributes())
                .containsEntry(WhatsAppChannel.DISPLAY_PHONE_NUMBER, "15550783881");
    }

    @Test
    void readsReplyContextOfText() {
        assertThat(single("text_reply")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUI3MkYwRTVBRjYxMkEwQjI4MgA=", 1749416500),
                new Text("Yes, that one"), replyTo("wamid.HBgLMTYzMTU1NTExODEVAgARGBI1QjlGMUI3RjE0QjE1NDQ0NjgA"), KERRY));
    }

    @Test
    void readsForwardedAndFrequentlyForwardedFlags() {
        assertThat(single("text_frequently_forwarded")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUZGRkY3NjY0MjQ0Q0Q5OEJEOAA=", 1749416600),
                new Text("Win a prize!"), new MessageContext(Optional.empty(), true, true, Optional.empty()), KERRY));
    }

    @Test
    void readsNamedLocation() {
        assertThat(single("location_named")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTNDMjNGMjQ2MTU1QzEzRTQ5QQA=", 1749417200),
                new Location(37.4843, -122.1482, Optional.of("Lucky Shrub"),
                        Optional.of("1 Hacker Way, Menlo Park, CA 94025"), Optional.of("https://www.luckyshrub.example")),
                MessageContext.NONE, KERRY));
    }

    @Test
    void readsCurrentLocationWithoutNameOrAddress() {
        assertThat(single("location_current")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQThGNTVFQkU2MDNCNjc3NjNEQgA=", 1749417210),
                new Location(52.520008, 13.404954, Optional.empty(), Optional.empty(), Optional.empty()),
                MessageContext.NONE, KERRY));
    }

    @Test
    void readsContactCardsWithPhonesEmailsAndCompany() {
        assertThat(single("contacts")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUExQkMwOUE0OTRGMzQ3QjZBMwA=", 1749417300),
                new Contacts(List.of(new SharedContact("Barbara Johnson", List.of("+1 (415) 555-0123", "14155550999"),
                        List.of("bjohnson@example.com"), Optional.of("Lucky Shrub")))),
                MessageContext.NONE, KERRY));
    }

    @Test
    void readsOrderWithItems() {
        assertThat(single("order")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTY3MzFCRjFEOUVEQzc1MjhEMQA=", 1749417900),
                new Order("194836987003835", Optional.of("Please gift wrap"), List.of(
                        new OrderItem("di9ozbzfi4", 2, new BigDecimal("30.5"), "USD"),
                        new OrderItem("nqryix03ez", 1, new BigDecimal("25"), "USD"))),
                MessageContext.NONE, KERRY));
    }

    @Test
    void readsSystemNoticeOfChangedIdentity() {
        assertThat(single("system_identity_changed")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUlERU5USVRZQ0hBTkdFRDEA", 1749418010),
                new SystemNotice("customer_identity_changed", "User identity changed", Optional.empty()),
                MessageContext.NONE, KERRY));
    }

    @Test
    void readsSystemNoticeOfChangedUserIdWithoutSenderAsAMoveFromTheFormerUserId() {
        assertThat(single("system_user_id_changed")).isEqualTo(new InboundMessage(
                header("US.40817320559012843311", "wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQVVTRVJJRENIQU5HRUQxAA==", 1749418020),
                new SystemNotice("user_changed_user_id",
                        "User Kerry Fisher changed from US.40817320559012843311 to US.40817320559012843312",
                        Optional.of("US.40817320559012843312")),
                MessageContext.NONE, new SenderProfile(Optional.empty(), Optional.empty(), Optional.empty())));
    }

    @Test
    void readsAContactSharedOnRequestWhoseSenderIsNamedOnlyInContacts() {
        assertThat(single("user_without_phone_contact_request")).isEqualTo(new InboundMessage(
                header("DE.70213345809127735561", "wamid.HBgNNDkxNTEyMzQ1Njc4OBUCABIYFDNBQ09OVEFDVFJFUVVFU1QwMQA=",
                        1749420000),
                new Contacts(List.of(new SharedContact("Jonas Weber", List.of("+49 151 2345 6789"), List.of(),
                        Optional.empty()))),
                MessageContext.NONE,
                new SenderProfile(Optional.of("Jonas Weber"), Optional.of("@jonas.w"), Optional.empty())));
    }

    @Test
    void readsARotatedUserIdAsAMoveOfTheContactNeverAnsweredAsAMessage() {
        InboundMessage update = (InboundMessage) single("user_id_update");

        assertThat(update.header().contactId()).isEqualTo("DE.70213345809127735561");
        assertThat(update.header().externalId()).startsWith("user_id_update:");
        assertThat(update.content()).isEqualTo(new SystemNotice("user_id_update",
                "User id for Jonas Weber has been updated.", Optional.of("DE.88120934571203948576")));
        assertThat(update.sender().name()).contains("Jonas Weber");
    }

    @Test
    void readsAGroupMessageUnderTheGroupWithItsMemberAsParticipant() {
        InboundMessage message = (InboundMessage) single("group_text");

        assertThat(message.header().contactId()).isEqualTo(WhatsAppChannel.GROUP_PREFIX + "120363029384756102@g.us");
        assertThat(message.header().participant()).contains("IN.50918273645019283746");
        assertThat(message.header().attributes()).containsEntry(WhatsAppChannel.DISPLAY_PHONE_NUMBER, "15550783881");
        assertThat(message.content()).isEqualTo(new Text("Is the workshop on Saturday still on?"));
        assertThat(message.sender()).isEqualTo(
                new SenderProfile(Optional.of("Priya Raman"), Optional.of("@priya.r"), Optional.empty()));
    }

    @Test
    void readsSystemNoticeOfChangedNumberWithoutContactsBlock() {
        assertThat(single("system_number_changed")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTk0QTVFQzY3RjU1NjM3OUQ3RAA=", 1749418000),
                new SystemNotice("user_changed_number", "User A changed from +1 631-555-1181 to +1 631-555-1199",
                        Optional.of("16315551199")),
                MessageContext.NONE,
                new SenderProfile(Optional.empty(), Optional.empty(), Optional.of(Fixtures.CUSTOMER))));
    }

    @Test
    void acceptsUserWithoutPhoneNumberByBusinessScopedId() {
        assertThat(single("user_without_phone")).isEqualTo(new InboundMessage(
                header("US.13491208655302741918", "wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTFBMkIzQzRENUU2RjcwODA5MQA=",
                        1749418400),
                new Text("hello"), MessageContext.NONE,
                new SenderProfile(Optional.of("Sam"), Optional.of("@sam.builds"), Optional.empty())));
    }

    @Test
    void matchesSenderProfileByValueNotPosition() {
        assertThat(single("user_with_phone_and_user_id")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTEwMjAzMDQwNTA2MDcwODA5MAA=", 1749418410),
                new Text("hi again"), MessageContext.NONE,
                new SenderProfile(Optional.of("Kerry Fisher"), Optional.of("@kerry"), Optional.of(Fixtures.CUSTOMER))));
    }
}
