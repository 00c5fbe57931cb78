package dev.conversa.whatsapp;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.internal.json.WebhookTrees;
import dev.conversa.lang.ConversaException;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.time.Sleeper;
import dev.conversa.whatsapp.internal.Limits;
import dev.conversa.whatsapp.internal.SendPacer;
import dev.conversa.whatsapp.internal.TemplateList;
import dev.conversa.whatsapp.internal.WhatsAppNormalizer;
import dev.conversa.whatsapp.internal.WhatsAppRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp Cloud API channel: normalizes webhooks of the {@code whatsapp_business_account}
 * object and sends every outbound kind through {@code POST /{phone-number-id}/messages}.
 *
 * <p>Before any request, a send checks WhatsApp's limits ({@link IllegalArgumentException}
 * naming the limit). The 24-hour customer-service window is declared in the capabilities
 * ({@link #REPLY_WINDOW}, templates available) and enforced by core's send gate before the
 * adapter is called: a free-form message to a customer who has not written in the last 24 hours
 * is refused there, while templates still go. Sends are paced per business
 * number (default 80 messages per second) and per recipient (default a burst of 10, then one
 * every 6 seconds), waiting on the configured {@link Sleeper}. Meta's refusals arrive as
 * {@link WhatsAppException}.
 *
 * <p>Account-level webhooks (template status, quality and category, account bans and
 * restrictions, a number's quality and name, the account's limits) are addressed to the WhatsApp
 * Business Account and become {@code AccountEvent}s: register each number with its business
 * account ({@code ChannelAccount.withBusinessAccountId}) so they reach its tenant. Its message
 * templates are read by {@link #templates} for {@code Conversa.refreshTemplates}.
 *
 * <p>Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * Conversa conversa = Conversa.builder()
 *     .channel(WhatsAppChannel.create())
 *     ...
 *     .build();
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api">WhatsApp Cloud API</a>
 */
public final class WhatsAppChannel implements ChannelAdapter {

    /** How long after the customer's last message free-form messages may go. */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);

    /**
     * The {@code EventHeader.attributes()} key of the business number as customers see it
     * ({@code metadata.display_phone_number}, digits without {@code +}), on every event of a
     * change that carries it.
     */
    public static final String DISPLAY_PHONE_NUMBER = "display_phone_number";

    /**
     * What starts the contact id of a group conversation: a message written in a WhatsApp group
     * ({@code group_id} on the message) belongs to the conversation {@code "group:" + group_id},
     * its member is the header's {@code EventHeader.participant()}, and a reply to that
     * conversation goes to the group ({@code recipient_type: group}), never privately to the
     * member. The bot answers groups only where the account
     * {@link dev.conversa.channel.ChannelAccount#servesGroups() serves groups}.
     */
    public static final String GROUP_PREFIX = "group:";

    /**
     * The account setting that holds the id of the WhatsApp Business Account the phone number
     * belongs to ({@link ChannelAccount#BUSINESS_ACCOUNT_ID_SETTING}, set with
     * {@link ChannelAccount#withBusinessAccountId}); {@link #unsubscribe}, the account-level
     * webhooks and {@link #templates} need it.
     */
    public static final String BUSINESS_ACCOUNT_ID_SETTING = ChannelAccount.BUSINESS_ACCOUNT_ID_SETTING;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TEMPLATE_PAGES = 100;
    private static final ChannelCapabilities CAPABILITIES = ChannelCapabilities.builder()
            .maxTextLength(Limits.TEXT)
            .maxButtons(Limits.BUTTONS)
            .maxButtonTitleLength(Limits.BUTTON_TITLE)
            .maxListRows(Limits.LIST_ROWS)
            .maxQuickReplies(Limits.BUTTONS)
            .templates(true)
            .reactions(true)
            .typingIndicator(true)
            .readReceipts(true)
            .media(Set.of(MediaKind.IMAGE, MediaKind.AUDIO, MediaKind.VOICE, MediaKind.VIDEO, MediaKind.DOCUMENT, MediaKind.STICKER, MediaKind.ANIMATION))
            .replyWindow(REPLY_WINDOW)
            .formatting("*bold* _italic_ ~strike~ ```mono```")
            .build();

    private final Clock clock;
    private final Sleeper sleeper;
    private final SendPacer pacer;
    private final WhatsAppNormalizer normalizer;
    private final WhatsAppRenderer renderer = new WhatsAppRenderer();
    private final Builder configuration;

    private WhatsAppChannel(Builder builder) {
        this.configuration = new Builder(builder);
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.pacer = new SendPacer(builder.messagesPerSecond, builder.pairBurst, builder.pairInterval);
        this.normalizer = new WhatsAppNormalizer(builder.clock);
    }

    /**
     * A channel with the defaults: system clock, blocking sleeper, 80 messages per second.
     *
     * @return the channel
     */
    public static WhatsAppChannel create() {
        return builder().build();
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this channel's settings, to build one that differs in some of them;
     * this channel is left as it is.
     *
     * @return a new builder with this channel's settings
     */
    public Builder toBuilder() {
        return new Builder(configuration);
    }

    @Override
    public ChannelType type() {
        return ChannelType.WHATSAPP;
    }

    @Override
    public String webhookObject() {
        return WhatsAppNormalizer.OBJECT;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pure: no I/O. Unknown fields, types and malformed items become {@code Unsupported}
     * values with their raw JSON.
     *
     * @throws IllegalArgumentException if the body is not a WhatsApp Business Account webhook
     */
    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        return normalizer.normalize(WebhookTrees.root(payload));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the message breaks a WhatsApp limit, or the account
     *     is not a WhatsApp account or not the conversation's business number (nothing was sent)
     * @throws WhatsAppException if WhatsApp refused the message
     */
    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        if (!ChannelType.WHATSAPP.equals(request.account().channel())) {
            throw new IllegalArgumentException("the account is not a WhatsApp account: " + request.account().channel());
        }
        OutboundMessage message = request.message();
        if (!message.to().accountId().equals(request.account().accountId())) {
            throw new IllegalArgumentException("the message's conversation belongs to business number "
                    + message.to().accountId() + ", not to the sending account " + request.account().accountId());
        }
        OutboundContent content = message.content();
        ObjectNode body = renderer.render(message);
        if (body == null) {
            return SendResult.marker();
        }
        String number = request.account().accountId();
        pace(number, content.isMessage() ? message.to().contactId() : null);
        GraphResponse response;
        try {
            response = graph.execute(GraphRequest.postJson("/" + number + "/messages", body.toString()),
                    request.account().accessToken());
        } catch (GraphApiException e) {
            throw WhatsAppException.of(e);
        }
        return content.isMessage() ? SendResult.sent(messageId(response)) : SendResult.marker();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * The WhatsApp Business Account whose {@code subscribed_apps} carry the phone number's
     * webhooks, from the setting {@value #BUSINESS_ACCOUNT_ID_SETTING}.
     *
     * @param account the phone number's account
     * @return the WhatsApp Business Account id, empty without the setting
     */
    @Override
    public Optional<String> subscription(ChannelAccount account) {
        return Optional.ofNullable(account.settings().get(BUSINESS_ACCOUNT_ID_SETTING));
    }

    /**
     * Unsubscribes the app from the WhatsApp Business Account ({@code DELETE
     * /{waba-id}/subscribed_apps}): Meta sends no more webhooks of any of its phone numbers, so
     * core calls it only when no other connected number of the tenant is in that account. An
     * account without the setting {@value #BUSINESS_ACCOUNT_ID_SETTING} gets no call.
     *
     * @param account the phone number's account being disconnected
     * @param graph the Graph API client
     * @throws GraphApiException if Meta refused
     */
    @Override
    public void unsubscribe(ChannelAccount account, GraphClient graph) {
        Optional<String> businessAccount = subscription(account);
        if (businessAccount.isPresent()) {
            graph.execute(GraphRequest.delete("/" + businessAccount.get() + "/subscribed_apps", Map.of()),
                    account.accessToken());
        }
    }

    /**
     * Reads the WhatsApp Business Account's message templates, {@code GET
     * /{waba-id}/message_templates}, 100 a page, following the {@code after} cursor (at most
     * {@value #MAX_TEMPLATE_PAGES} pages): name, language, status, category, id, and the number
     * of distinct placeholders in the body's text.
     *
     * @param account a phone number's account, with {@value #BUSINESS_ACCOUNT_ID_SETTING}
     * @param graph the Graph API client
     * @return the templates
     * @throws IllegalArgumentException if the account names no WhatsApp Business Account
     * @throws WhatsAppException if WhatsApp refused
     */
    @Override
    public List<MessageTemplate> templates(ChannelAccount account, GraphClient graph) {
        String business = subscription(account).orElseThrow(() -> new IllegalArgumentException("account "
                + account.accountId() + " names no WhatsApp Business Account (setting "
                + BUSINESS_ACCOUNT_ID_SETTING + ")"));
        List<MessageTemplate> templates = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_TEMPLATE_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("fields", TemplateList.FIELDS);
            query.put("limit", "100");
            after.ifPresent(cursor -> query.put("after", cursor));
            GraphResponse response;
            try {
                response = graph.execute(GraphRequest.get("/" + business + "/message_templates", query),
                        account.accessToken());
            } catch (GraphApiException e) {
                throw WhatsAppException.of(e);
            }
            JsonNode root;
            try {
                root = JSON.readTree(response.body());
            } catch (JacksonException e) {
                throw new ConversaException("WhatsApp answered the template list with a body that is not JSON", e);
            }
            templates.addAll(TemplateList.templates(root));
            after = TemplateList.nextCursor(root);
            if (after.isEmpty()) {
                return templates;
            }
        }
        throw new ConversaException("WhatsApp's template list of business account " + business + " has more than "
                + MAX_TEMPLATE_PAGES + " pages; the catalogue was not changed");
    }

    private void pace(String number, String recipient) {
        Duration wait = pacer.reserve(number, recipient, clock.instant());
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversaException("interrupted while pacing a WhatsApp send; nothing was sent", e);
        }
    }

    private static String messageId(GraphResponse response) {
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (JacksonException e) {
            root = JSON.missingNode();
        }
        JsonNode id = root.path("messages").path(0).path("id");
        if (!id.isString() || id.stringValue().isBlank()) {
            throw GraphApiException.builder("WhatsApp answered the send without a message id; it may have sent it, "
                    + "so it is not repeated").httpStatus(response.status()).outcomeUnknown(true).build();
        }
        return id.stringValue();
    }

    /** Configures a {@link WhatsAppChannel}. Not thread-safe; build once. */
    public static final class Builder {

        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private double messagesPerSecond = 80;
        private int pairBurst = 10;
        private Duration pairInterval = Duration.ofSeconds(6);

        private Builder() {}

        private Builder(Builder other) {
            clock = other.clock;
            sleeper = other.sleeper;
            messagesPerSecond = other.messagesPerSecond;
            pairBurst = other.pairBurst;
            pairInterval = other.pairInterval;
        }

        /**
         * The clock for pacing and for webhook items without a timestamp.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the channel waits when pacing sends.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The most messages per second per business number; Meta allows 80 by default and more
         * after an upgrade, 20 on numbers shared with the WhatsApp Business app.
         *
         * @param perSecond messages per second, positive
         * @return this builder
         */
        public Builder messagesPerSecond(double perSecond) {
            this.messagesPerSecond = perSecond;
            return this;
        }

        /**
         * How messages to one recipient are spaced (Meta's pair rate limit, error 131056): a
         * burst of {@code burst} messages, then one per {@code interval}.
         *
         * @param burst messages that may go at once, at least 1
         * @param interval the spacing after the burst, positive
         * @return this builder
         */
        public Builder pairLimit(int burst, Duration interval) {
            this.pairBurst = burst;
            this.pairInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Builds the channel.
         *
         * @return the channel
         * @throws IllegalStateException naming the setting that is out of range
         */
        public WhatsAppChannel build() {
            if (!(messagesPerSecond > 0)) {
                throw new IllegalStateException("messagesPerSecond must be positive, got " + messagesPerSecond);
            }
            if (pairBurst < 1 || pairInterval.isNegative() || pairInterval.isZero()) {
                throw new IllegalStateException("pairLimit needs burst >= 1 and a positive interval, got "
                        + pairBurst + " and " + pairInterval);
            }
            return new WhatsAppChannel(this);
        }
    }
}
