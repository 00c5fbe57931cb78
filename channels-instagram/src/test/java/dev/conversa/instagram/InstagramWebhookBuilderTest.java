package dev.conversa.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Deleted;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.Read;
import dev.conversa.model.Share;
import dev.conversa.model.StoryMention;
import dev.conversa.model.StoryReply;
import dev.conversa.model.Text;
import dev.conversa.model.UnsupportedContent;
import dev.conversa.testkit.instagram.InstagramWebhook;
import dev.conversa.testsupport.WebhookPayloads;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test kit's Instagram builders produce webhooks the real channel reads as intended. */
class InstagramWebhookBuilderTest {

    private static final String IG = "178414";
    private static final String IGSID = "1293";
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private static List<InboundEvent> normalize(InstagramWebhook webhook) {
        WebhookRequest request = webhook.signed(Secret.of("app-secret"));
        return InstagramChannel.create().normalize(WebhookPayloads.of(request.body()));
    }

    @Test
    void buildsInstagramOnlyEventsTheChannelReads() {
        List<InboundEvent> events = normalize(InstagramWebhook.account(IG).at(AT)
                .text(IGSID, "aW1", "Hi")
                .share(IGSID, "aW2", "https://lookaside.fbsbx.com/s")
                .storyMention(IGSID, "aW3", "https://lookaside.fbsbx.com/m")
                .storyReply(IGSID, "aW4", "Nice", "314", "https://lookaside.fbsbx.com/r")
                .reel(IGSID, "aW5", "https://lookaside.fbsbx.com/reel")
                .unsupported(IGSID, "aW6")
                .deleted(IGSID, "aW1")
                .seen(IGSID, "aWout"));

        assertThat(events.get(0).header()).isEqualTo(new EventHeader(ChannelType.INSTAGRAM, IG, IGSID, "aW1", AT));
        assertThat(events.subList(0, 5)).extracting(e -> ((InboundMessage) e).content()).containsExactly(
                new Text("Hi"),
                new Share("share", "https://lookaside.fbsbx.com/s", Optional.empty()),
                new StoryMention("https://lookaside.fbsbx.com/m"),
                new StoryReply("314", "https://lookaside.fbsbx.com/r", "Nice"),
                new Share("reel", "https://lookaside.fbsbx.com/reel", Optional.empty()));
        assertThat(((InboundMessage) events.get(5)).content()).isInstanceOf(UnsupportedContent.class);
        assertThat(events.get(6)).isEqualTo(new Deleted(
                new EventHeader(ChannelType.INSTAGRAM, IG, IGSID, "deleted:aW1", AT), "aW1"));
        assertThat(((Read) events.get(7)).messageId()).contains("aWout");
    }
}
