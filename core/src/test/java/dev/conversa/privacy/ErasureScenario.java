package dev.conversa.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.Note;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Deleted;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.Media;
import dev.conversa.model.MediaKind;
import dev.conversa.model.MessageContext;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person, Ana, on WhatsApp, Messenger and Instagram (media, statuses, a renamed multi-part
 * message, a handoff, an unsent message, consent changes, pending inbox and outbox entries, audit
 * entries and a deletion request naming her, a dead letter carrying her number), and another
 * person, Bruno, who must stay intact. Shared by the in-memory and the JDBC erasure tests.
 */
public final class ErasureScenario {

    /** The tenant. */
    public static final TenantId TENANT = TenantId.of("shop");
    /** A pepper for tests. */
    public static final Secret PEPPER = Secret.of("test-pepper-0123456789-abcdefghijklmnop");
    /** Ana's phone number as E.164. */
    public static final String ANA_PHONE = "+34612345678";
    /** Ana's phone number typed with spaces. */
    public static final String ANA_PHONE_SPACED = "+34 612 34 56 78";
    /** Ana's PSID on Messenger. */
    public static final String ANA_PSID = "7701234567890123";
    /** Ana's IGSID on Instagram. */
    public static final String ANA_IGSID = "1789012345678901";
    /** Ana's user name as stored. */
    public static final String ANA_USERNAME = "Ana.Lopez.77";
    /** Ana's name. */
    public static final String ANA_NAME = "Ana Lopez";
    /** Bruno's phone number. */
    public static final String BRUNO_PHONE = "+34699888777";
    /** Bruno's IGSID. */
    public static final String BRUNO_IGSID = "1789000000000042";

    static final String WA_ACCOUNT = "wa-number-1";
    static final String PAGE = "page-1";
    static final String IG_ACCOUNT = "ig-1";
    private static final Pattern WAMID = Pattern.compile("wamid\\.([A-Za-z0-9+/=_-]+)");

    private final List<String> anaTexts = new ArrayList<>();
    private final List<String> anaWamids = new ArrayList<>();
    private final List<String> brunoTexts = new ArrayList<>();

    /** Ana's WhatsApp conversation. */
    public static final ConversationKey ANA_WA = new ConversationKey(ChannelType.WHATSAPP, WA_ACCOUNT, "34612345678");
    /** Ana's Messenger conversation. */
    public static final ConversationKey ANA_FB = new ConversationKey(ChannelType.MESSENGER, PAGE, ANA_PSID);
    /** Ana's Instagram conversation. */
    public static final ConversationKey ANA_IG = new ConversationKey(ChannelType.INSTAGRAM, IG_ACCOUNT, ANA_IGSID);
    /** Bruno's WhatsApp conversation. */
    public static final ConversationKey BRUNO_WA = new ConversationKey(ChannelType.WHATSAPP, WA_ACCOUNT, "34699888777");
    /** Bruno's Instagram conversation. */
    public static final ConversationKey BRUNO_IG = new ConversationKey(ChannelType.INSTAGRAM, IG_ACCOUNT, BRUNO_IGSID);

    /**
     * A privacy facade on the stores, with the test pepper.
     *
     * @param stores the stores
     * @param clock the clock
     * @return the facade
     */
    public static Privacy privacy(Stores stores, Clock clock) {
        return Privacy.builder().stores(stores).pepper(PEPPER).clock(clock).build();
    }

    /**
     * A WhatsApp message id as Meta makes them: base64 that carries the customer's number.
     *
     * @param phoneDigits the customer's number
     * @param n makes it unique
     * @return the id
     */
    public static String wamid(String phoneDigits, int n) {
        byte[] raw = ("\u0015\u0018\u000c" + phoneDigits + "\u0015\u0002\u0000\u0012\u0018\u0014" + "3EB0C0FFEE"
                + String.format("%010d", n)).getBytes(StandardCharsets.ISO_8859_1);
        return "wamid." + Base64.getEncoder().encodeToString(raw);
    }

    /**
     * Seeds both people.
     *
     * @param stores the stores
     * @param now the time; events happen a day before
     */
    public void seed(Stores stores, Instant now) {
        Instant then = now.minus(Duration.ofDays(1));
        seedAna(stores, then, now);
        seedBruno(stores, then, now);
    }

    /**
     * Seeds Ana again, as a restored backup brings her back.
     *
     * @param stores the stores
     * @param now the time; events happen a day before
     */
    public void restoreAna(Stores stores, Instant now) {
        seedAna(stores, now.minus(Duration.ofDays(1)), now);
    }

    private void seedAna(Stores stores, Instant then, Instant now) {
        stores.contacts().upsert(new Contact(TENANT, ChannelType.WHATSAPP, "34612345678", Optional.of(ANA_NAME),
                Optional.empty(), Optional.of(ANA_PHONE), then));
        stores.contacts().upsert(new Contact(TENANT, ChannelType.MESSENGER, ANA_PSID, Optional.of(ANA_NAME),
                Optional.of(ANA_USERNAME.toLowerCase()), Optional.of(ANA_PHONE_SPACED), then));
        stores.contacts().upsert(new Contact(TENANT, ChannelType.INSTAGRAM, ANA_IGSID, Optional.of(ANA_NAME),
                Optional.of(ANA_USERNAME), Optional.empty(), then));
        SenderProfile ana = new SenderProfile(Optional.of(ANA_NAME), Optional.empty(), Optional.of(ANA_PHONE));

        String w1 = wamid("34612345678", 1);
        String w2 = wamid("34612345678", 2);
        anaWamids.addAll(List.of(w1, w2));
        inbound(stores, ANA_WA, w1, then, new Text(text("Hola, soy Ana, quiero el vestido azul talla M")), ana);
        inbound(stores, ANA_WA, w2, then.plusSeconds(5), new Media(MediaKind.IMAGE, Optional.of("media-778899"),
                Optional.of("https://lookaside.fbsbx.com/whatsapp/media-778899"), Optional.of("image/jpeg"),
                Optional.of(text("Foto del recibo numero 44719")), Optional.empty(), Optional.empty(), false), ana);
        for (InboxEntry entry : stores.inbox().claim("seed", 10, Duration.ofSeconds(30), then.plusSeconds(6))) {
            stores.inbox().complete(entry, then.plusSeconds(6));
        }
        OutboxEntry sent = stores.outbox().enqueue(TENANT, OutboundMessage.text(ANA_WA,
                text("Hola Ana Lopez, la talla M esta disponible")), "reply:ana:1", then.plusSeconds(10));
        stores.messages().append(new MessageRecord(TENANT, ANA_WA, sent.provisionalMessageId(), Direction.OUTBOUND,
                Author.BOT, "text", Optional.of(text("Hola Ana Lopez, la talla M esta disponible")),
                DeliveryStatus.PENDING, then.plusSeconds(10)));
        String w3 = wamid("34612345678", 3);
        String w4 = wamid("34612345678", 4);
        anaWamids.addAll(List.of(w3, w4));
        stores.messages().rename(TENANT, ChannelType.WHATSAPP, sent.provisionalMessageId(), List.of(w3, w4));
        stores.messages().updateStatus(TENANT, ChannelType.WHATSAPP, w4, DeliveryStatus.READ);
        stores.outbox().enqueue(TENANT, OutboundMessage.text(ANA_WA, text("Ana, tu pedido 5531 sale manana")),
                "host:ana:pending", now);
        stores.conversations().getOrOpen(TENANT, ANA_WA, then);
        stores.conversations().update(stores.conversations().find(TENANT, ANA_WA).orElseThrow()
                .withState(ConversationState.WITH_AGENT, then.plusSeconds(20)));
        stores.consents().record(new ConsentRecord(TENANT, ChannelType.WHATSAPP, "34612345678", "marketing_messages",
                true, then, ConsentRecord.SOURCE_CHANNEL));
        stores.consents().record(new ConsentRecord(TENANT, ChannelType.WHATSAPP, "34612345678", "marketing_messages",
                false, then.plusSeconds(30), ConsentRecord.SOURCE_CHANNEL));
        stores.audit().record(new AuditEvent(TENANT, then, "platform_error", Map.of("channel", "whatsapp",
                "eventId", w1, "codes", "131047")));

        SenderProfile anaFb = new SenderProfile(Optional.of(ANA_NAME), Optional.empty(), Optional.empty());
        inbound(stores, ANA_FB, "m_fb_ana_1", then, new Text(text("Mensaje de Ana por Messenger: direccion Calle Sol 12")),
                anaFb);
        inbound(stores, ANA_FB, "m_fb_ana_2", then.plusSeconds(3), new Text(text("Este mensaje lo voy a borrar 8812")),
                anaFb);
        stores.inbox().append(TENANT, List.of(new Deleted(header(ANA_FB, "m_fb_ana_2#deleted", then.plusSeconds(4)),
                "m_fb_ana_2")), now);
        stores.messages().delete(TENANT, ChannelType.MESSENGER, "m_fb_ana_2");
        stores.consents().record(new ConsentRecord(TENANT, ChannelType.MESSENGER, ANA_PSID, ConsentRecord.ALL,
                false, then.plusSeconds(40), ConsentRecord.SOURCE_KEYWORD));
        stores.audit().record(new AuditEvent(TENANT, then, "channel_consent", Map.of("channel", "messenger",
                "eventId", "optin:" + ANA_PSID + ":1700000000", "topic", "all")));
        stores.deletionRequests().record(new DeletionRequest(TENANT, ANA_PSID, "ANACODE0001", DeletionStatus.RECEIVED,
                then, then));

        SenderProfile anaIg = new SenderProfile(Optional.of(ANA_NAME), Optional.of(ANA_USERNAME), Optional.empty());
        inbound(stores, ANA_IG, "aWdfaWQ_ana_1", then, new Text(text("Instagram: Ana pregunta por el bolso rojo")),
                anaIg);
        stores.outbox().enqueue(TENANT, OutboundMessage.text(ANA_IG, text("Ana, el bolso rojo cuesta 49 euros")),
                "reply:ana-ig:1", now);
        stores.agents().enqueue(TENANT, ANA_WA, "support", "the customer asked for a person", then);
        stores.agents().recordEvent(new HandoffEvent(TENANT, ANA_WA, HandoffEvent.Kind.QUEUED, Optional.of("support"),
                Optional.empty(), then));
        stores.agents().addNote(new Note(TENANT, ANA_WA, "note-ana-1", "agent-1", "Cliente Ana Lopez: llamar tarde",
                then.plusSeconds(25)));
        stores.deadLetters().record("whatsapp_business_account", "unreadable", "{\"entry\":[{\"changes\":[{\"value\""
                + ":{\"contacts\":[{\"wa_id\":\"34612345678\"}]}}]}]}", now);
    }

    private void seedBruno(Stores stores, Instant then, Instant now) {
        stores.contacts().upsert(new Contact(TENANT, ChannelType.WHATSAPP, "34699888777", Optional.of("Bruno Diaz"),
                Optional.empty(), Optional.of(BRUNO_PHONE), then));
        stores.contacts().upsert(new Contact(TENANT, ChannelType.INSTAGRAM, BRUNO_IGSID, Optional.of("Bruno Diaz"),
                Optional.of("bruno.d"), Optional.empty(), then));
        SenderProfile bruno = new SenderProfile(Optional.of("Bruno Diaz"), Optional.empty(), Optional.of(BRUNO_PHONE));
        inbound(stores, BRUNO_WA, wamid("34699888777", 1), then, new Text(brunoText("Bruno quiere zapatos 42")), bruno);
        inbound(stores, BRUNO_IG, "aWdfaWQ_bruno_1", then, new Text(brunoText("Bruno en Instagram")),
                SenderProfile.UNKNOWN);
        stores.outbox().enqueue(TENANT, OutboundMessage.text(BRUNO_WA, brunoText("Bruno, tenemos el 42")),
                "reply:bruno:1", now);
        stores.consents().record(new ConsentRecord(TENANT, ChannelType.WHATSAPP, "34699888777", ConsentRecord.ALL,
                false, then, ConsentRecord.SOURCE_KEYWORD));
        stores.audit().record(new AuditEvent(TENANT, then, "channel_consent", Map.of("channel", "whatsapp",
                "eventId", "optin:34699888777:1700000000", "topic", "all")));
        stores.deletionRequests().record(new DeletionRequest(TENANT, "bruno-app-user", "BRUNOCODE01",
                DeletionStatus.RECEIVED, then, then));
        stores.deadLetters().record("whatsapp_business_account", "unreadable", "{\"wa_id\":\"34699888777\"}", now);
        stores.agents().addNote(new Note(TENANT, BRUNO_WA, "note-bruno-1", "agent-1", "Bruno prefers email", then));
    }

    private void inbound(Stores stores, ConversationKey key, String id, Instant at, dev.conversa.model.MessageContent
            content, SenderProfile sender) {
        stores.conversations().getOrOpen(TENANT, key, at);
        InboundEvent event = new InboundMessage(header(key, id, at), content, MessageContext.NONE, sender);
        stores.inbox().append(TENANT, List.of(event), at);
        stores.messages().append(new MessageRecord(TENANT, key, id, Direction.INBOUND, Author.CUSTOMER,
                content.kind(), Optional.ofNullable(content.readableText()), DeliveryStatus.DELIVERED, at));
    }

    private static EventHeader header(ConversationKey key, String id, Instant at) {
        return new EventHeader(key.channel(), key.accountId(), key.contactId(), id, at);
    }

    private String text(String text) {
        anaTexts.add(text);
        return text;
    }

    private String brunoText(String text) {
        brunoTexts.add(text);
        return text;
    }

    /**
     * What must be found nowhere after Ana's erasure: her number in every common format, her
     * ids, user name and name, every text she wrote or was sent, and her WhatsApp message ids.
     *
     * @return the terms
     */
    public Set<String> anaTerms() {
        Set<String> terms = new LinkedHashSet<>(List.of(ANA_PHONE, "34612345678", "612345678", "612 34 56 78",
                "612 345 678", ANA_PHONE_SPACED, "+34 612 345 678", ANA_PSID, ANA_IGSID, ANA_USERNAME,
                ANA_USERNAME.toLowerCase(), ANA_NAME, "m_fb_ana_1", "m_fb_ana_2", "aWdfaWQ_ana_1"));
        terms.addAll(anaTexts);
        terms.addAll(anaWamids);
        return terms;
    }

    /**
     * Bruno's texts, which must all stay.
     *
     * @return the texts
     */
    public List<String> brunoTexts() {
        return List.copyOf(brunoTexts);
    }

    /**
     * The terms of {@link #anaTerms()} found in stored values, including inside a WhatsApp
     * message id decoded from base64; empty when erasure was complete.
     *
     * @param values every stored text value
     * @return the hits, each as the term and where (a prefix of the value)
     */
    public List<String> hits(Collection<String> values) {
        List<String> hits = new ArrayList<>();
        Set<String> terms = anaTerms();
        for (String value : values) {
            String lower = value.toLowerCase();
            for (String term : terms) {
                if (lower.contains(term.toLowerCase())) {
                    hits.add(term + " in " + value.substring(0, Math.min(value.length(), 80)));
                }
            }
            Matcher matcher = WAMID.matcher(value);
            while (matcher.find()) {
                String decoded = new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.ISO_8859_1);
                if (decoded.contains("34612345678")) {
                    hits.add("a wamid decoding to Ana's number in " + value.substring(0, Math.min(value.length(), 80)));
                }
            }
        }
        return hits;
    }

    /**
     * Checks through the store SPI that Bruno is intact.
     *
     * @param stores the stores
     */
    public void assertBrunoIntact(Stores stores) {
        assertThat(stores.contacts().findByIdentifier(TENANT, BRUNO_PHONE)).hasSize(1);
        assertThat(stores.contacts().findByIdentifier(TENANT, "@BRUNO.D")).hasSize(1);
        assertThat(stores.messages().history(TENANT, BRUNO_WA, 10)).extracting(m -> m.text().orElse(""))
                .containsExactly(brunoTexts.get(0));
        assertThat(stores.messages().history(TENANT, BRUNO_IG, 10)).hasSize(1);
        assertThat(stores.conversations().find(TENANT, BRUNO_WA)).isPresent();
        assertThat(stores.outbox().list(TENANT, dev.conversa.store.OutboxState.PENDING, 10))
                .extracting(e -> e.message().to()).containsExactly(BRUNO_WA);
        assertThat(stores.consents().isOptedOut(TENANT, ChannelType.WHATSAPP, "34699888777", "marketing_messages"))
                .isTrue();
        assertThat(stores.audit().list(TENANT, 100)).anyMatch(e -> e.details().getOrDefault("eventId", "")
                .contains("34699888777"));
        assertThat(stores.deletionRequests().find(TENANT, "BRUNOCODE01").orElseThrow().subject())
                .isEqualTo("bruno-app-user");
        assertThat(stores.deadLetters().list(100)).hasSize(1);
        assertThat(stores.agents().notes(TENANT, BRUNO_WA)).extracting(Note::text).containsExactly("Bruno prefers email");
    }

    /**
     * Checks that an export of Ana holds all her data, through the value and its JSON, and
     * nothing of Bruno.
     *
     * @param export the export
     */
    public void assertExportHoldsAnaOnly(PersonalDataExport export) {
        assertThat(export.tenant()).isEqualTo(TENANT);
        assertThat(export.identities()).containsOnlyKeys(ChannelType.WHATSAPP, ChannelType.MESSENGER,
                ChannelType.INSTAGRAM);
        assertThat(export.identities().get(ChannelType.WHATSAPP)).containsExactly(ANA_WA.contactId());
        assertThat(export.identities().get(ChannelType.MESSENGER)).containsExactly(ANA_PSID);
        assertThat(export.identities().get(ChannelType.INSTAGRAM)).containsExactly(ANA_IGSID);
        assertThat(export.contacts()).extracting(Contact::externalId)
                .containsExactlyInAnyOrder(ANA_WA.contactId(), ANA_PSID, ANA_IGSID);
        assertThat(export.conversations()).extracting(c -> c.key())
                .containsExactlyInAnyOrder(ANA_WA, ANA_FB, ANA_IG);
        assertThat(export.conversations()).filteredOn(c -> c.key().equals(ANA_WA)).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ConversationState.WITH_AGENT));
        assertThat(export.messages()).extracting(m -> m.text().orElse(""))
                .containsExactlyInAnyOrderElementsOf(anaTexts.stream().distinct()
                        .filter(t -> !t.contains("pedido 5531") && !t.contains("bolso rojo cuesta")
                                && !t.contains("voy a borrar")).toList());
        assertThat(export.messages()).filteredOn(m -> m.direction() == Direction.OUTBOUND).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(DeliveryStatus.READ));
        assertThat(export.consents()).hasSize(3).allMatch(c -> c.tenant().equals(TENANT));
        assertThat(export.deletionRequests()).extracting(DeletionRequest::confirmationCode)
                .containsExactly("ANACODE0001");

        String json = export.toJson();
        tools.jackson.databind.JsonNode root = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(json);
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(PersonalDataExport.SCHEMA_VERSION).isEqualTo(1);
        assertThat(root.get("contacts").size()).isEqualTo(3);
        assertThat(root.get("conversations").size()).isEqualTo(3);
        assertThat(root.get("messages").size()).isEqualTo(export.messages().size());
        assertThat(root.get("consents").size()).isEqualTo(3);
        assertThat(root.get("deletionRequests").size()).isEqualTo(1);
        assertThat(json).contains(ANA_PHONE, ANA_PSID, ANA_IGSID, ANA_NAME, "\"READ\"", "\"WITH_AGENT\"",
                "ANACODE0001", "marketing_messages");
        export.messages().forEach(m -> assertThat(json).contains(m.text().orElseThrow()));
        assertThat(json).doesNotContain("34699888777", BRUNO_IGSID, "Bruno", "bruno", "BRUNOCODE01");
        assertThat(export.toString()).doesNotContain("34612345678", ANA_PSID, ANA_IGSID, ANA_NAME);
    }
}
