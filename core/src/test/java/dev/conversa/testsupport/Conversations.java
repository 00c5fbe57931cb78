package dev.conversa.testsupport;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.respond.ResponderRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds responder requests from core's records for the responder modules' tests (a WhatsApp or
 * Instagram conversation, its contact and history), and reads test resources.
 */
public final class Conversations {

    public static final TenantId TENANT = TenantId.of("rosa-bakery");
    public static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    public static final ChannelCapabilities WHATSAPP = ChannelCapabilities.builder()
            .maxTextLength(4096)
            .maxButtons(3)
            .maxButtonTitleLength(20)
            .maxListRows(10)
            .templates(true)
            .reactions(true)
            .typingIndicator(true)
            .readReceipts(true)
            .media(Set.of(MediaKind.IMAGE))
            .replyWindow(Duration.ofHours(24))
            .formatting("*bold* _italic_ ~strikethrough~")
            .build();
    public static final ChannelCapabilities INSTAGRAM = ChannelCapabilities.builder()
            .maxTextLength(1000)
            .maxButtons(3)
            .maxButtonTitleLength(20)
            .maxQuickReplies(13)
            .reactions(true)
            .typingIndicator(true)
            .readReceipts(true)
            .media(Set.of(MediaKind.IMAGE))
            .replyWindow(Duration.ofHours(24))
            .humanAgentWindow(Duration.ofDays(7))
            .build();

    private final TenantId tenant;
    private final ConversationKey key;
    private final List<MessageRecord> history = new ArrayList<>();
    private Optional<Contact> contact = Optional.empty();
    private ChannelCapabilities capabilities = WHATSAPP;

    private Conversations(TenantId tenant, ChannelType channel) {
        this.tenant = tenant;
        this.key = new ConversationKey(channel, "1098765432", "4915112345678");
    }

    public static Conversations whatsApp() {
        return new Conversations(TENANT, ChannelType.WHATSAPP);
    }

    public static Conversations whatsApp(TenantId tenant) {
        return new Conversations(tenant, ChannelType.WHATSAPP);
    }

    public static Conversations instagram() {
        Conversations conversation = new Conversations(TENANT, ChannelType.INSTAGRAM);
        conversation.capabilities = INSTAGRAM;
        return conversation;
    }

    public Conversations contact(String name, String phoneNumber) {
        contact = Optional.of(new Contact(tenant, key.channel(), key.contactId(), Optional.of(name), Optional.empty(),
                Optional.of(phoneNumber), T0));
        return this;
    }

    public Conversations customer(String text) {
        return add(Direction.INBOUND, Author.CUSTOMER, "text", Optional.of(text));
    }

    public Conversations customerSent(String kind) {
        return add(Direction.INBOUND, Author.CUSTOMER, kind, Optional.empty());
    }

    public Conversations bot(String text) {
        return add(Direction.OUTBOUND, Author.BOT, "text", Optional.of(text));
    }

    public Conversations agent(String text) {
        return add(Direction.OUTBOUND, Author.AGENT, "text", Optional.of(text));
    }

    public ResponderRequest request() {
        Conversation conversation = Conversation.open(tenant, key, T0);
        return new ResponderRequest(conversation, contact, history, capabilities);
    }

    private Conversations add(Direction direction, Author author, String kind, Optional<String> text) {
        int n = history.size();
        history.add(new MessageRecord(tenant, key, "wamid." + n, direction, author, kind, text,
                DeliveryStatus.DELIVERED, T0.plusSeconds(60L * n)));
        return this;
    }

    /** A test resource of the classpath as UTF-8 text, by its absolute path. */
    public static String resource(String path) {
        try (InputStream in = Conversations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
