package dev.conversa.instagram;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.Buttons;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Choice;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.store.OutboxState;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.instagram.InstagramWebhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instagram echoes carry no marker of the app that sent them, so the bot knows its own by id:
 * every part of what it sent (a captioned image is two messages) is matched, whatever the
 * content's shape, and the conversation stays with the bot; a person who types one of the bot's
 * earlier lines from the Instagram app is a person, and takes the conversation over.
 */
class InstagramOwnEchoEndToEndTest {

    private static final String IG_ID = "17841405822304914";
    private static final String IGSID = "1293847561029384";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.INSTAGRAM, IG_ID, IGSID);
    private static final String PHOTO_CAPTION = "Here is the jacket in green.";
    private static final String IMAGE_URL = "https://shop.example/jacket-green.jpg";
    private static final String SIZES = "Which size do you wear?";
    private static final String MENU = "What would you like to do?";
    private static final String FALLBACK = "Thanks! A colleague will read this soon.";

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(InstagramChannel.builder().loginBaseUrl(graph.baseUrl()).build(),
            new ChannelAccount(TENANT, ChannelType.INSTAGRAM, IG_ID, Secret.of(ACCESS_TOKEN),
                    Map.of(InstagramChannel.LOGIN_SETTING, "true")),
            graph.baseUrl(), builder -> builder.responder(shop()));

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void theEchoesOfBothPartsOfACaptionedImageLeaveTheConversationWithTheBot() {
        // given
        customerWrites("aWdfMQ", "Can I see a photo?");
        List<String> parts = awaitBotMessageIds(2);

        // when: Instagram echoes the image and, as its own message, the caption
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now())
                .attachmentEcho(IGSID, parts.get(0), "image", IMAGE_URL, null)
                .echo(IGSID, parts.get(1), PHOTO_CAPTION, null).signed(APP_SECRET));
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
        assertThat(rig.history(KEY)).filteredOn(m -> m.author() == Author.BUSINESS_ELSEWHERE)
                .isEmpty();
    }

    @Test
    void theEchoOfAQuickRepliesMessageLeavesTheConversationWithTheBot() {
        customerWrites("aWdfMQ", "Do you have sizes?");
        String id = awaitBotMessageIds(1).get(0);

        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).echo(IGSID, id, SIZES, null).signed(APP_SECRET));
        rig.awaitIdle();

        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
    }

    @Test
    void theEchoOfAButtonsMessageLeavesTheConversationWithTheBot() {
        customerWrites("aWdfMQ", "Show me the menu");
        List<String> ids = awaitBotMessageIds(1);

        for (String id : ids) {
            rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).echo(IGSID, id, MENU, null)
                    .signed(APP_SECRET));
        }
        rig.awaitIdle();

        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
    }

    @Test
    void anEchoOfQuickRepliesThatOvertakesTheAnswerToTheSendLeavesTheConversationWithTheBot() {
        assertEchoWhileSendingKeepsTheBot("Do you have sizes?", SIZES);
    }

    @Test
    void anEchoOfButtonsThatOvertakesTheAnswerToTheSendLeavesTheConversationWithTheBot() {
        assertEchoWhileSendingKeepsTheBot("Show me the menu", MENU);
    }

    @Test
    void anEchoOfACaptionThatOvertakesTheAnswerToTheSendLeavesTheConversationWithTheBot() {
        assertEchoWhileSendingKeepsTheBot("Can I see a photo?", PHOTO_CAPTION);
    }

    @Test
    void aReplyWhoseConnectionDroppedAfterTheRequestIsUncertainAndNeverResent() {
        graph.dropConnectionOnNextMessage();

        customerWrites("aWdfMQ", "Hello?");

        await().atMost(PATIENCE).until(() -> rig.outbox(OutboxState.SEND_UNCERTAIN).size() == 1);
        rig.awaitIdle();
        assertThat(rig.history(KEY)).filteredOn(m -> m.status() == DeliveryStatus.SEND_UNCERTAIN).hasSize(1);
        assertThat(rig.outbox(OutboxState.DEAD)).isEmpty();
        assertThat(rig.outbox(OutboxState.SEND_UNCERTAIN).get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aPersonTypingTheBotsEarlierFallbackLineTakesTheConversationOver() {
        // given: the bot answered with its fallback, and Instagram echoed it
        customerWrites("aWdfMQ", "Hello?");
        String fallback = awaitBotMessageIds(1).get(0);
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).echo(IGSID, fallback, FALLBACK, null)
                .signed(APP_SECRET));
        rig.awaitIdle();

        // when: a person types the same line in the Instagram app
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).echo(IGSID, "aWdfcGVyc29u", FALLBACK, null)
                .signed(APP_SECRET));

        // then
        rig.awaitState(KEY, ConversationState.WITH_AGENT);
    }

    /**
     * The bot's reply is on the wire; Instagram's echo of it (shown as text) arrives before
     * Instagram's answer to the send, then the answer.
     */
    private void assertEchoWhileSendingKeepsTheBot(String question, String shownText) {
        // given
        CountDownLatch answer = graph.holdNextMessage("m_overtaken");
        customerWrites("aWdfMQ", question);
        await().atMost(PATIENCE).until(() -> rig.outbox(OutboxState.SENDING).stream()
                .anyMatch(entry -> entry.message().content().isMessage()));

        // when
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).echo(IGSID, "m_overtaken", shownText, null)
                .signed(APP_SECRET));
        await().atMost(PATIENCE).until(() -> rig.inboxPending() == 0);
        assertThat(rig.outbox(OutboxState.SENDING)).hasSize(1);
        answer.countDown();
        rig.awaitIdle();

        // then
        assertThat(rig.state(KEY)).isEqualTo(ConversationState.BOT);
        assertThat(rig.history(KEY)).filteredOn(m -> m.author() == Author.BUSINESS_ELSEWHERE)
                .isEmpty();
    }

    private void customerWrites(String mid, String text) {
        rig.deliver(InstagramWebhook.account(IG_ID).at(Instant.now()).text(IGSID, mid, text).signed(APP_SECRET));
    }

    /** Waits until the bot's reply is sent and returns the ids Instagram gave its parts. */
    private List<String> awaitBotMessageIds(int parts) {
        await().atMost(PATIENCE).until(() -> rig.outbox(OutboxState.SENT).stream()
                .anyMatch(entry -> entry.message().content().isMessage()));
        rig.awaitIdle();
        List<String> ids = graph.givenMessageIds();
        assertThat(ids).hasSize(parts);
        MessageRecord sent = rig.history(KEY).stream().filter(m -> m.status() == DeliveryStatus.SENT)
                .findFirst().orElseThrow();
        assertThat(sent.messageId()).isEqualTo(ids.get(0));
        return ids;
    }

    private static Responder shop() {
        return request -> {
            String said = request.latestText();
            if (said.contains("photo")) {
                return new Reply.Answer(List.of(Media.byUrl(MediaKind.IMAGE, IMAGE_URL).withCaption(PHOTO_CAPTION)));
            }
            if (said.contains("sizes")) {
                return new Reply.Answer(List.of(new QuickReplies(SIZES, List.of(new Choice("s", "S"),
                        new Choice("m", "M")))));
            }
            if (said.contains("menu")) {
                return new Reply.Answer(List.of(new Buttons(MENU, List.of(new Choice("track", "Track order"),
                        new Choice("agent", "Talk to us")))));
            }
            return new Reply.Answer(List.of(new Text(FALLBACK)));
        };
    }
}
