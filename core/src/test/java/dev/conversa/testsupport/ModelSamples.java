package dev.conversa.testsupport;

import dev.conversa.model.AccountLinking;
import dev.conversa.model.Author;
import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.ChannelError;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Checkout;
import dev.conversa.model.Choice;
import dev.conversa.model.Contacts;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Deleted;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.EventHeader;
import dev.conversa.model.GamePlay;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.ListMenu;
import dev.conversa.model.Location;
import dev.conversa.model.MarkRead;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageContext;
import dev.conversa.model.OptIn;
import dev.conversa.model.Order;
import dev.conversa.model.OrderItem;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.PlatformError;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.model.ProductShare;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.React;
import dev.conversa.model.Reaction;
import dev.conversa.model.Read;
import dev.conversa.model.Referral;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Share;
import dev.conversa.model.SharedContact;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.StoryMention;
import dev.conversa.model.StoryReply;
import dev.conversa.model.SystemNotice;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateAttachment;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TemplateParameter;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import dev.conversa.model.Unsupported;
import dev.conversa.model.UnsupportedContent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One or more sample values of every model record, with every optional field both present and
 * absent somewhere, for round-trip tests of anything that stores or converts the model.
 */
public final class ModelSamples {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00.123456789Z");
    private static final ConversationKey TO = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "15551234567");

    private ModelSamples() {}

    /**
     * A header of a WhatsApp event.
     *
     * @param externalId the event's id
     * @return the header
     */
    public static EventHeader header(String externalId) {
        return new EventHeader(ChannelType.WHATSAPP, "phone-1", "15551234567", externalId, AT,
                Map.of("display_phone_number", "15550783881"));
    }

    /**
     * Samples of every {@link MessageContent} record.
     *
     * @return the contents
     */
    public static List<MessageContent> messageContents() {
        return List.of(
                new Text("héllo \"quoted\"\nline 😀"),
                fullMedia(),
                Media.byId(MediaKind.VOICE, "media-2"),
                new Location(52.520008, 13.404954, Optional.of("Office"), Optional.of("Main St 1"),
                        Optional.of("https://maps.example/x")),
                new Location(-33.8688, -151.2093, Optional.empty(), Optional.empty(), Optional.empty()),
                new Contacts(List.of(new SharedContact("Anna K", List.of("+15551234567", "+15557654321"),
                        List.of("anna@example.com"), Optional.of("ACME")),
                        new SharedContact("Bob", List.of(), List.of(), Optional.empty()))),
                new InteractiveReply(ReplyKind.LIST_ROW, "row-1", Optional.of("Row"), Optional.of("desc"),
                        Optional.of("{\"a\":1}")),
                new InteractiveReply(ReplyKind.POSTBACK, "PAYLOAD", Optional.empty(), Optional.empty(), Optional.empty()),
                new StoryMention("https://cdn.example/story"),
                new StoryReply("story-1", "https://cdn.example/story", "nice"),
                new Share("reel", "https://ig.example/reel", Optional.of("A reel")),
                new Order("catalog-1", Optional.of("please deliver"), List.of(
                        new OrderItem("sku-1", 2, new BigDecimal("12.50"), "EUR"),
                        new OrderItem("sku-2", 1, new BigDecimal("0.999"), "USD"))),
                new SystemNotice("user_changed_number", "number changed", Optional.of("15550000000")),
                new ProductShare(List.of(new ProductShare.Product("2718281828", Optional.of("SKU-7"),
                        Optional.of("Rain jacket"), Optional.of("EUR 89"), Optional.of("https://cdn.example/p.jpg")),
                        new ProductShare.Product("3141592653", Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.empty()))),
                new TemplateAttachment("receipt", "Rain jacket", "{\"type\":\"template\"}"),
                new UnsupportedContent("ephemeral", "{\"type\":\"ephemeral\"}", List.of(error())));
    }

    /**
     * Samples of every {@link InboundEvent} record; messages carry every content sample.
     *
     * @return the events
     */
    public static List<InboundEvent> inboundEvents() {
        List<InboundEvent> events = new ArrayList<>();
        int i = 0;
        for (MessageContent content : messageContents()) {
            events.add(new InboundMessage(header("wamid.m" + i++), content, MessageContext.NONE, SenderProfile.UNKNOWN));
        }
        events.add(new InboundMessage(header("wamid.full"), new Text("hi"),
                new MessageContext(Optional.of("wamid.prev"), true, true, Optional.of(referral())),
                new SenderProfile(Optional.of("Anna"), Optional.of("anna.k"), Optional.of("+15551234567"))));
        events.add(new StatusUpdate(header("status-1"), "wamid.out", DeliveryStatus.FAILED, List.of(error()),
                Map.of("pricing_category", "service", "conversation_id", "c-1")));
        events.add(new StatusUpdate(header("status-2"), "wamid.out", DeliveryStatus.READ, List.of(), Map.of()));
        events.add(new Echo(header("echo-1"), new Text("from the inbox"), Optional.of("263902037430900"),
                Optional.of("meta")));
        events.add(new Echo(header("echo-2"), fullMedia(), Optional.empty(), Optional.empty()));
        events.add(new Reaction(header("reaction-1"), "wamid.x", Optional.of("👍")));
        events.add(new Reaction(header("reaction-2"), "wamid.x", Optional.empty()));
        events.add(new Read(header("read-1"), Optional.of("wamid.x"), Optional.empty()));
        events.add(new Read(header("read-2"), Optional.empty(), Optional.of(Instant.parse("2026-01-05T08:59:00Z"))));
        events.add(new Handover(header("handover-1"), Handover.Action.PASS, Optional.of("1"), Optional.of("2"),
                Optional.of("note")));
        events.add(new Handover(header("handover-2"), Handover.Action.ROLES_CHANGED, Optional.empty(),
                Optional.empty(), Optional.empty()));
        events.add(new OptIn(header("optin-1"), "marketing", false, Map.of("token", "t-1")));
        events.add(new Referral(header("referral-1"), referral()));
        events.add(new Deleted(header("deleted-1"), "mid.1"));
        events.add(new Edited(header("edited-1"), "mid.1", new Text("edited")));
        events.add(new PlatformError(header("error-1"), List.of(error(), new ChannelError(131000, "Something",
                Optional.empty(), Optional.empty()))));
        events.add(new Unsupported(header("unsupported-1"), "new_field", "{\"new_field\":{}}"));
        events.add(new DeliveryWatermark(header("delivery-1"), Instant.parse("2026-01-05T08:59:00Z")));
        events.add(new PolicyEnforcement(header("policy-1"), PolicyEnforcement.Action.BLOCK, Optional.of("spam")));
        events.add(new PolicyEnforcement(header("policy-2"), PolicyEnforcement.Action.UNBLOCK, Optional.empty()));
        events.add(new AccountLinking(header("linking-1"), true, Optional.of("code-1")));
        events.add(new AccountLinking(header("linking-2"), false, Optional.empty()));
        events.add(new Checkout(header("checkout-1"), Checkout.Stage.PAYMENT, Optional.of("buy-1"),
                Map.of("amount.amount", "29.62", "amount.currency", "EUR")));
        events.add(new Checkout(header("checkout-2"), Checkout.Stage.CHECKOUT_UPDATE, Optional.empty(), Map.of()));
        events.add(new GamePlay(header("game-1"), "game-app-1", Optional.of("player-1"), Optional.of("SOLO"),
                Optional.of("42"), Optional.of("{\"score\":3}")));
        events.add(new GamePlay(header("game-2"), "game-app-1", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        return List.copyOf(events);
    }

    /**
     * Samples of every {@link OutboundContent} record.
     *
     * @return the contents
     */
    public static List<OutboundContent> outboundContents() {
        return List.of(
                new Text("your order shipped"),
                fullMedia(),
                Media.byUrl(MediaKind.DOCUMENT, "https://files.example/a.pdf").withFilename("a.pdf"),
                new Location(48.8584, 2.2945, Optional.of("Tower"), Optional.empty(), Optional.empty()),
                new Contacts(List.of(new SharedContact("Support", List.of("+15550001111"), List.of(), Optional.empty()))),
                new Buttons("Pick one", List.of(new Choice("yes", "Yes"), new Choice("no", "No"))),
                new ListMenu("Menu", "Open", List.of(
                        new ListMenu.Section(Optional.of("Drinks"), List.of(
                                new ListMenu.Row("tea", "Tea", Optional.of("hot")),
                                new ListMenu.Row("water", "Water", Optional.empty()))),
                        new ListMenu.Section(Optional.empty(), List.of(new ListMenu.Row("cake", "Cake", Optional.empty()))))),
                new QuickReplies("How was it?", List.of(new Choice("good", "Good"))),
                new CallToAction("See the site", "Open", "https://shop.example"),
                template(),
                new React("wamid.x", "❤️"),
                new MarkRead("wamid.x"),
                new Typing(true, Optional.of("wamid.x")),
                new Typing(false, Optional.empty()));
    }

    /**
     * Samples of outbound messages carrying every outbound content sample, with and without the
     * optional fields.
     *
     * @return the messages
     */
    public static List<OutboundMessage> outboundMessages() {
        List<OutboundMessage> messages = new ArrayList<>();
        for (OutboundContent content : outboundContents()) {
            messages.add(OutboundMessage.of(TO, content));
        }
        messages.add(new OutboundMessage(TO, new Text("see https://x.example"), Optional.of("wamid.prev"),
                Author.AGENT, true));
        messages.add(OutboundMessage.of(TO, new Text("an agent's reply")).byAgent("ana"));
        return List.copyOf(messages);
    }

    private static Media fullMedia() {
        return new Media(MediaKind.STICKER, Optional.of("media-1"), Optional.of("https://cdn.example/m"),
                Optional.of("image/webp"), Optional.of("caption"), Optional.of("s.webp"), Optional.of("abc123"), true);
    }

    private static ChannelError error() {
        return new ChannelError(131047, "Re-engagement message", Optional.of("More than 24 hours"),
                Optional.of("details"));
    }

    private static ReferralInfo referral() {
        return new ReferralInfo("ADS", Optional.of("ref-1"), Optional.of("ad-1"), Optional.of("https://fb.example/ad"),
                Optional.of("Headline"), Optional.of("Body"), Map.of("ctwa_clid", "clid-1"));
    }

    private static Template template() {
        return new Template("order_update", "en_US", List.of(
                TemplateComponent.body("Anna", "#123"),
                new TemplateComponent("header", Optional.empty(), Optional.empty(), List.of(
                        new TemplateParameter.MediaParam(Media.byId(MediaKind.IMAGE, "media-3")),
                        new TemplateParameter.LocationParam(new Location(1.5, 2.5, Optional.empty(),
                                Optional.empty(), Optional.empty())))),
                new TemplateComponent("body", Optional.empty(), Optional.empty(), List.of(
                        new TemplateParameter.CurrencyParam("$10.99", "USD", 10990),
                        new TemplateParameter.DateTimeParam("January 5, 2026"))),
                new TemplateComponent("button", Optional.of("quick_reply"), Optional.of(0),
                        List.of(new TemplateParameter.PayloadParam("STOP"))),
                new TemplateComponent("button", Optional.of("url"), Optional.of(1),
                        List.of(new TemplateParameter.ButtonTextParam("track/123")))));
    }
}
