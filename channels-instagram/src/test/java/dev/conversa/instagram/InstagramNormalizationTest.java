package dev.conversa.instagram;

import static dev.conversa.instagram.Fixtures.AT;
import static dev.conversa.instagram.Fixtures.IGSID;
import static dev.conversa.instagram.Fixtures.header;
import static dev.conversa.instagram.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Deleted;
import dev.conversa.model.Echo;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageContext;
import dev.conversa.model.Reaction;
import dev.conversa.model.Read;
import dev.conversa.model.Referral;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Share;
import dev.conversa.model.StoryMention;
import dev.conversa.model.StoryReply;
import dev.conversa.model.Text;
import dev.conversa.model.UnsupportedContent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstagramNormalizationTest {

    private static final String CDN = "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=";

    private static InboundMessage message(String id, MessageContent content) {
        return new InboundMessage(header(id), content, MessageContext.NONE, SenderProfile.UNKNOWN);
    }

    @Test
    void readsTextWithIgsidAndInstagramAccountId() {
        assertThat(single("text")).isEqualTo(message("aWdfZAG1faXRlbTox", new Text("Hi! Is the blue dress in stock?")));
    }

    @Test
    void readsImage() {
        assertThat(single("image")).isEqualTo(message("aWdfaW1hZ2Ux",
                Media.byUrl(MediaKind.IMAGE, CDN + "1&signature=x")));
    }

    @Test
    void readsShareWithItsUrl() {
        assertThat(single("share")).isEqualTo(message("aWdfc2hhcmUx",
                new Share("share", CDN + "2&signature=y", Optional.empty())));
    }

    @Test
    void readsStoryMentionWithItsExpiringUrl() {
        assertThat(single("story_mention")).isEqualTo(message("aWdfbWVudGlvbjE",
                new StoryMention(CDN + "3&signature=z")));
    }

    @Test
    void readsStoryReplyWithStoryIdUrlAndText() {
        assertThat(single("story_reply")).isEqualTo(message("aWdfc3RvcnlyZXBseTE",
                new StoryReply("3141592653589793", CDN + "4&signature=w", "Love this look")));
    }

    @Test
    void readsReelAsShareOfKindReel() {
        assertThat(single("reel")).isEqualTo(message("aWdfcmVlbDE",
                new Share("reel", CDN + "5", Optional.of("Autumn collection"))));
    }

    @Test
    void readsUnsendAsDeleted() {
        assertThat(single("deleted")).isEqualTo(new Deleted(header("deleted:aWdfZAG1faXRlbTox"), "aWdfZAG1faXRlbTox"));
    }

    @Test
    void readsUnsupportedMessageAsUnsupportedContentWithRawJson() {
        InboundMessage message = (InboundMessage) single("unsupported");

        assertThat(message.header()).isEqualTo(header("aWdfdW5zdXBwb3J0ZWQx"));
        assertThat(message.content()).isEqualTo(new UnsupportedContent("is_unsupported",
                "{\"mid\":\"aWdfdW5zdXBwb3J0ZWQx\",\"is_unsupported\":true}", List.of()));
    }

    @Test
    void readsSeenAsReadOfOneMessage() {
        assertThat(single("seen")).isEqualTo(new Read(header("read:aWdfb3V0Ym91bmQx"), Optional.of("aWdfb3V0Ym91bmQx"),
                Optional.empty()));
    }

    @Test
    void readsReaction() {
        assertThat(single("reaction")).isEqualTo(new Reaction(
                header("reaction:aWdfb3V0Ym91bmQx:" + IGSID + ":" + AT.toEpochMilli() + ":react"), "aWdfb3V0Ym91bmQx",
                Optional.of("\u2764")));
    }

    @Test
    void readsPostback() {
        assertThat(single("postback")).isEqualTo(message("aWdfcG9zdGJhY2sx", new InteractiveReply(ReplyKind.POSTBACK,
                "TRACK_ORDER", Optional.of("Track my order"), Optional.empty(), Optional.empty())));
    }

    @Test
    void readsIgMeReferral() {
        assertThat(single("referral")).isEqualTo(new Referral(
                header("referral:" + IGSID + ":" + AT.toEpochMilli() + ":bio-link"),
                new ReferralInfo("IGME", Optional.of("bio-link"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Map.of("type", "OPEN_THREAD"))));
    }

    @Test
    void readsEchoWithoutAppIdAndTheCustomerAsContact() {
        assertThat(single("echo")).isEqualTo(new Echo(header("aWdfZWNobzE"), new Text("Yes, in sizes S and M."),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void readsQuickReply() {
        assertThat(single("quick_reply")).isEqualTo(message("aWdfcXIx", new InteractiveReply(ReplyKind.QUICK_REPLY,
                "SIZE_M", Optional.of("Size M"), Optional.empty(), Optional.empty())));
    }

    @Test
    void recordsStandbyAsStandbyHandoverFollowedByTheCustomersMessage() {
        List<InboundEvent> events = InstagramChannel.create().normalize(Fixtures.payload("standby"));

        Handover handover = (Handover) events.get(0);
        assertThat(handover.header()).isEqualTo(header("standby:aWdfc3RhbmRieTE"));
        assertThat(handover.action()).isEqualTo(Handover.Action.STANDBY);
        assertThat(handover.metadata()).hasValueSatisfying(raw -> assertThat(raw).contains("Still there?"));
        assertThat(events.subList(1, events.size())).containsExactly(message("aWdfc3RhbmRieTE", new Text("Still there?")));
    }

    @Test
    void keepsACommentChangeAsUnsupportedWithTheCommenterAsContact() {
        dev.conversa.model.Unsupported unsupported = (dev.conversa.model.Unsupported) single("comment_change");

        assertThat(unsupported.type()).isEqualTo("change:comments");
        assertThat(unsupported.header().accountId()).isEqualTo(Fixtures.IG_ID);
        assertThat(unsupported.header().contactId()).isEqualTo(IGSID);
        assertThat(unsupported.header().timestamp()).isEqualTo(AT.plusMillis(500));
        assertThat(unsupported.header().externalId()).startsWith("change:comments:");
        assertThat(unsupported.rawJson()).contains("Is this available in blue?");
    }
}
