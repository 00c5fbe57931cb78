package dev.conversa.whatsapp.internal;

import static dev.conversa.whatsapp.internal.Fixtures.KERRY;
import static dev.conversa.whatsapp.internal.Fixtures.header;
import static dev.conversa.whatsapp.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelError;
import dev.conversa.model.Deleted;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.OptIn;
import dev.conversa.model.Reaction;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import dev.conversa.model.UnsupportedContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventNormalizationTest {

    private static final String ECHOED = "wamid.HBgLMTYzMTU1NTExODEVAgARGBJFQ0hPRUNIT0VDSE9FQ0hPAA==";
    private static final String REACTED_TO = "wamid.HBgLMTYzMTU1NTExODEVAgARGBI5QUE3RjQ5QjI4QkMzNjVFRjQA";

    @Test
    void readsReaction() {
        assertThat(single("reaction")).isEqualTo(new Reaction(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTIxNTk1QzgxN0ZEQUFBMjg4OQA=", 1749417800), REACTED_TO,
                Optional.of("\uD83D\uDC4D")));
    }

    @Test
    void readsEmptyEmojiAsRemovedReaction() {
        Reaction reaction = (Reaction) single("reaction_removed_empty");

        assertThat(reaction).isEqualTo(new Reaction(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTU1MjZCMTQ1QkY3Mjk0NDQ0NQA=", 1749417810), REACTED_TO,
                Optional.empty()));
        assertThat(reaction.removed()).isTrue();
    }

    @Test
    void readsMissingEmojiAsRemovedReaction() {
        assertThat(single("reaction_removed_absent")).isEqualTo(new Reaction(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTc3QjcxNzFBQkNCQzA1RjIxNQA=", 1749417820), REACTED_TO,
                Optional.empty()));
    }

    @Test
    void readsEditWithNewContent() {
        assertThat(single("edit")).isEqualTo(new Edited(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUVEMTIzNDU2Nzg5MEFCQ0RFRgA=", 1749418500),
                "wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTRBNjU5OUFBRjBBRTQ2QjcyQgA=",
                new Text("Does the red jacket come in size M?")));
    }

    @Test
    void readsRevokeAsDeleted() {
        assertThat(single("revoke")).isEqualTo(new Deleted(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQVJFVk9LRTEyMzQ1Njc4OTBBQgA=", 1749418600),
                "wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTRBNjU5OUFBRjBBRTQ2QjcyQgA="));
    }

    @Test
    void keepsUnsupportedMessageWithRawJsonAndErrors() {
        assertThat(single("unsupported")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTk5MjRCNEMwQjFGMkIxM0Y0RAA=", 1749418100),
                new UnsupportedContent("poll", Fixtures.firstItem("unsupported", "messages").toString(), List.of(
                        new ChannelError(131051, "Message type unknown", Optional.of("Message type unknown"),
                                Optional.of("Message type is currently not supported.")))),
                MessageContext.NONE, KERRY));
    }

    @Test
    void keepsUnknownMessageTypeAsUnsupportedContent() {
        assertThat(single("unknown_type")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQThCQjE2NkQ0QjQzRTM1OUM1NgA=", 1749418200),
                new UnsupportedContent("hologram", Fixtures.firstItem("unknown_type", "messages").toString(), List.of()),
                MessageContext.NONE, KERRY));
    }

    @Test
    void keepsKnownTypeWithoutBodyAsUnsupportedWithItsErrors() {
        assertThat(single("interactive_with_error")).isEqualTo(new InboundMessage(
                header("wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTI4NjhGOTk1RjlBQzc3RTA4OQA=", 1749418250),
                new UnsupportedContent("interactive", Fixtures.firstItem("interactive_with_error", "messages").toString(),
                        List.of(new ChannelError(131000, "Something went wrong", Optional.of("Something went wrong"),
                                Optional.of("Unsupported webhook payload")))),
                MessageContext.NONE, KERRY));
    }

    @Test
    void keepsMessageWithoutIdAsUnsupportedEvent() {
        Unsupported event = (Unsupported) single("message_without_id");

        assertThat(event.type()).isEqualTo("messages");
        assertThat(event.header().contactId()).isEqualTo(Fixtures.CUSTOMER);
        assertThat(event.header().accountId()).isEqualTo(Fixtures.ACCOUNT);
        assertThat(event.header().externalId()).startsWith("messages:").hasSize("messages:".length() + 32);
        assertThat(event.header().timestamp()).isEqualTo(java.time.Instant.ofEpochSecond(1749418700));
        assertThat(Fixtures.JSON.readTree(event.rawJson())).isEqualTo(Fixtures.firstItem("message_without_id", "messages"));
    }

    @Test
    void readsBusinessAppEchoAsEchoToTheCustomer() {
        assertThat(single("smb_message_echo")).isEqualTo(new Echo(
                header("wamid.HBgLMTYzMTU1NTExODEVAgARGBJFQ0hPRUNIT0VDSE9FQ0hPAA==", 1749419300),
                new Text("I'll check with the warehouse and get back to you."), Optional.empty(), Optional.empty()));
    }

    @Test
    void readsBusinessAppEditAsEditOfTheBusinessMessage() {
        assertThat(single("smb_echo_edit")).isEqualTo(new Edited(
                header("wamid.HBgLMTYzMTU1NTExODEVAgARGBJFRElURUNIT0VESVRFQ0hPAA==", 1749419310), ECHOED,
                new Text("I'll check with the warehouse today and get back to you.")));
    }

    @Test
    void readsBusinessAppEditWithTheCustomerAsSenderForTheSameCustomer() {
        assertThat(single("smb_echo_edit_from_customer_side")).isEqualTo(single("smb_echo_edit"));
    }

    @Test
    void readsBusinessAppRevokeAsDeletionOfTheBusinessMessage() {
        assertThat(single("smb_echo_revoke")).isEqualTo(new Deleted(
                header("wamid.HBgLMTYzMTU1NTExODEVAgARGBJSRVZPS0VFQ0hPUkVWT0tFAA==", 1749419320), ECHOED));
    }

    @Test
    void readsMarketingStopAsOptOut() {
        OptIn event = (OptIn) single("user_preferences_stop");

        assertThat(event).isEqualTo(new OptIn(header(event.header().externalId(), 1749419400), "marketing_messages", false,
                Map.of("value", "stop", "detail", "User requested to stop marketing messages")));
        assertThat(event.header().externalId()).startsWith("user_preferences:");
    }

    @Test
    void readsMarketingResumeAsOptIn() {
        OptIn event = (OptIn) single("user_preferences_resume");

        assertThat(event).isEqualTo(new OptIn(header(event.header().externalId(), 1749419500), "marketing_messages", true,
                Map.of("value", "resume", "detail", "User requested to resume marketing messages")));
    }

    @Test
    void derivesDifferentIdsForStopAndResume() {
        assertThat(single("user_preferences_stop").header().externalId())
                .isNotEqualTo(single("user_preferences_resume").header().externalId());
    }

    @Test
    void derivesTheSameIdWhenTheSamePayloadIsRedelivered() {
        assertThat(single("user_preferences_stop").header().externalId())
                .isEqualTo(single("user_preferences_stop").header().externalId());
    }

    @Test
    void keepsUnknownFieldAsUnsupportedEvent() {
        Unsupported event = (Unsupported) single("unknown_field");

        assertThat(event.type()).isEqualTo("security");
        assertThat(event.header().accountId()).isEqualTo("102290129340398");
        assertThat(event.header().contactId()).isEqualTo("unknown");
        assertThat(event.header().externalId()).startsWith("security:");
        assertThat(event.header().timestamp()).isEqualTo(Fixtures.RECEIVED_AT);
        assertThat(Fixtures.JSON.readTree(event.rawJson()))
                .isEqualTo(Fixtures.json("unknown_field").path("entry").path(0).path("changes").path(0));
    }

    @Test
    void keepsOddlyShapedItemsWithoutThrowing() {
        List<dev.conversa.model.InboundEvent> events = Fixtures.normalize("oddly_shaped");

        assertThat(events).extracting(e -> e.kind()).containsExactly(
                "unsupported", "unsupported", "unsupported", "unsupported", "message", "message", "message",
                "unsupported");
        assertThat(events).filteredOn(e -> e instanceof Unsupported).extracting(e -> ((Unsupported) e).type())
                .containsExactly("entry", "unknown", "messages", "messages", "statuses");
        assertThat(events.get(4)).isInstanceOfSatisfying(InboundMessage.class, message -> {
            assertThat(message.header().timestamp()).isEqualTo(Fixtures.RECEIVED_AT);
            assertThat(message.content()).isInstanceOf(UnsupportedContent.class);
        });
        assertThat(((InboundMessage) events.get(5)).content()).isInstanceOf(UnsupportedContent.class);
        assertThat(((InboundMessage) events.get(6)).content()).isInstanceOf(UnsupportedContent.class);
    }

    @Test
    void keepsMessagesChangeWithoutValueAsUnsupported() {
        Unsupported event = (Unsupported) single("change_without_value");

        assertThat(event.type()).isEqualTo("messages");
        assertThat(event.header().accountId()).isEqualTo("102290129340398");
        assertThat(Fixtures.JSON.readTree(event.rawJson())).isEqualTo(Fixtures.JSON.readTree("{\"field\":\"messages\"}"));
    }
}
