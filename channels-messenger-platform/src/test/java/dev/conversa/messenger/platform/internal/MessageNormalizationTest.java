package dev.conversa.messenger.platform.internal;

import static dev.conversa.messenger.platform.internal.Fixtures.header;
import static dev.conversa.messenger.platform.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.MessageContext;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Text;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageNormalizationTest {

    @Test
    void readsTextMessageAndIgnoresUnknownFields() {
        assertThat(single("text")).isEqualTo(new InboundMessage(header("m_text_1"),
                new Text("Hello, do you ship to Lisbon?"), MessageContext.NONE, SenderProfile.UNKNOWN));
    }

    @Test
    void readsQuickReplyPayloadAsQuickReply() {
        InboundMessage message = (InboundMessage) single("quick_reply");

        assertThat(message.header()).isEqualTo(header("m_qr_1"));
        assertThat(message.content()).isEqualTo(new InteractiveReply(ReplyKind.QUICK_REPLY, "COLOR_RED",
                Optional.of("Red"), Optional.empty(), Optional.empty()));
        assertThat(message.context()).isEqualTo(MessageContext.NONE);
    }

    @Test
    void readsReplyToAsContext() {
        InboundMessage message = (InboundMessage) single("reply_to");

        assertThat(message.header()).isEqualTo(header("m_reply_1"));
        assertThat(message.content()).isEqualTo(new Text("Yes, this one"));
        assertThat(message.context().replyTo()).contains("m_original_1");
        assertThat(message.context().referral()).isEmpty();
    }

    @Test
    void readsPostbackWithTitlePayloadAndReferral() {
        InboundMessage message = (InboundMessage) single("postback");

        assertThat(message.header()).isEqualTo(header("m_postback_1"));
        assertThat(message.content()).isEqualTo(new InteractiveReply(ReplyKind.POSTBACK, "GET_STARTED",
                Optional.of("Get Started"), Optional.empty(), Optional.empty()));
        assertThat(message.context().referral()).contains(new ReferralInfo("SHORTLINK", Optional.of("spring-sale"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of("type", "OPEN_THREAD")));
        assertThat(message.sender()).isEqualTo(SenderProfile.UNKNOWN);
    }

    @Test
    void readsEchoWithAppIdAndMetadataAndTheCustomerAsContact() {
        assertThat(single("echo")).isEqualTo(new Echo(header("m_echo_1"), new Text("We do ship to Lisbon."),
                Optional.of("1517776481860111"), Optional.of("conversa:out-42")));
    }

    @Test
    void readsEchoFromThePageInboxWithItsAppId() {
        assertThat(single("echo_page_inbox")).isEqualTo(new Echo(header("m_echo_2"),
                new Text("Hi, this is Ana from support."), Optional.of("263902037430900"), Optional.empty()));
    }

    @Test
    void readsMessageEditWithItsEditCount() {
        assertThat(single("message_edit")).isEqualTo(new Edited(header("edit:m_text_1:1"), "m_text_1",
                new Text("Hello, do you ship to Porto?")));
    }
}
