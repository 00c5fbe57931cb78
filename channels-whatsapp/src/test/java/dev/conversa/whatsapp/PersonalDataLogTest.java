package dev.conversa.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.PersonalDataExport;
import dev.conversa.privacy.Privacy;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.testsupport.LoopbackWireMock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The log of a full conversation, an export and an erasure names nobody: everything logged at
 * INFO and above (slf4j-simple's default level, which writes to {@code System.err}, captured
 * here) holds no phone number in any format (nor a WhatsApp message id that decodes to one), no
 * user name, profile name or business-scoped user id, no token, app secret or pepper, and no
 * message text.
 */
class PersonalDataLogTest {

    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String PHONE = "16315551181";
    private static final String NAME = "Kerry Fisher";
    private static final String USER_ID = "US.13491208655302741918";
    private static final String USERNAME = "kerry.f";
    private static final String VERIFY_TOKEN = "e2e-verify-token";
    private static final Secret PEPPER = Secret.of("log-test-pepper-0123456789-abcdefghij");
    private static final String SENT_ID = "wamid.HBgLMTYzMTU1NTExODEVAgARGBJTRU5UMDAwMDAwMDAwMDAxAA==";
    private static final String INBOUND_ID = wamid(PHONE);
    private static final String QUESTION = "Do you have the jacket in size M? Write to kerry.fisher@example.org";
    private static final String HIDDEN_QUESTION = "When do you open tomorrow, Sunday?";
    private static final Pattern WAMID = Pattern.compile("wamid\\.([A-Za-z0-9+/=_-]+)");

    @RegisterExtension
    static LoopbackWireMock graph = new LoopbackWireMock();

    @Test
    void aConversationAnExportAndAnErasureLogNoPersonalDataAtInfoAndAbove() {
        // given: the Graph API on WireMock answers mark-read, and sends to each customer
        graph.stubFor(post(urlPathMatching("/v[0-9.]+/" + NUMBER + "/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.status")).willReturn(okJson("{\"success\":true}")));
        graph.stubFor(post(urlPathMatching("/v[0-9.]+/" + NUMBER + "/messages")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.to")).willReturn(okJson(sent(PHONE, SENT_ID))));
        graph.stubFor(post(urlPathMatching("/v[0-9.]+/" + NUMBER + "/messages")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.recipient")).willReturn(okJson(
                        "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.hidden.reply.1\"}]}")));
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        PersonalDataExport byPhone;
        PersonalDataExport byUsername;
        ErasureReport erasedByPhone;
        ErasureReport erasedByUsername;
        try (ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(), ChannelAccount.of(TENANT,
                ChannelType.WHATSAPP, NUMBER, Secret.of(ACCESS_TOKEN)), graph.baseUri(),
                builder -> builder.privacyPepper(PEPPER))) {

            // when: two customers write and get answers, a status comes, then export and erasure
            rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                    .message(WhatsAppCustomer.withPhone(PHONE, NAME), WhatsAppMessage.text(INBOUND_ID, QUESTION))
                    .signed(APP_SECRET));
            rig.awaitSent(new ConversationKey(ChannelType.WHATSAPP, NUMBER, PHONE), SIZE_ANSWER);
            rig.deliver(WhatsAppWebhook.builder().at(Instant.now()).status(SENT_ID, PHONE, "read")
                    .signed(APP_SECRET));
            rig.deliver(WhatsAppWebhook.builder().at(Instant.now())
                    .message(WhatsAppCustomer.withoutPhone(USER_ID, NAME, USERNAME),
                            WhatsAppMessage.text("wamid.hidden.1", HIDDEN_QUESTION))
                    .signed(APP_SECRET));
            rig.awaitSent(new ConversationKey(ChannelType.WHATSAPP, NUMBER, USER_ID), HOURS_ANSWER);
            rig.awaitIdle();
            Privacy privacy = rig.conversa().privacy();
            byPhone = privacy.export(TENANT, "+1 631-555-1181");
            byUsername = privacy.export(TENANT, "@Kerry.F");
            erasedByPhone = privacy.erase(TENANT, "+1 (631) 555-1181");
            erasedByUsername = privacy.erase(TENANT, "@KERRY.F");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        // then: the work was done and logged at INFO, and the log names nobody
        assertThat(byPhone.messages()).extracting(m -> m.text().orElse("")).contains(QUESTION, SIZE_ANSWER);
        assertThat(byUsername.messages()).extracting(m -> m.text().orElse("")).contains(HIDDEN_QUESTION);
        assertThat(erasedByPhone.count(ErasureReport.MESSAGES)).isEqualTo(2);
        assertThat(erasedByUsername.count(ErasureReport.MESSAGES)).isEqualTo(2);
        assertThat(log).contains("INFO", "Exported a person", "Erased a person");
        assertThat(personalData(log)).isEmpty();
    }

    /** What of the customers, their texts and the deployment's secrets the text holds. */
    private static List<String> personalData(String text) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : List.of(NAME, "Kerry", "Fisher", USER_ID, "13491208655302741918", USERNAME,
                "kerry.fisher@example.org", ACCESS_TOKEN, APP_SECRET.reveal(), VERIFY_TOKEN, PEPPER.reveal(),
                QUESTION, "jacket", HIDDEN_QUESTION, "Sunday", SIZE_ANSWER, HOURS_ANSWER, SENT_ID, INBOUND_ID)) {
            if (lower.contains(term.toLowerCase(Locale.ROOT))) {
                found.add(term);
            }
        }
        String digitsOnly = text.replaceAll("[\\s().+\\-/]", "");
        if (digitsOnly.contains("6315551181")) {
            found.add("the phone number (in some format)");
        }
        Matcher matcher = WAMID.matcher(text);
        while (matcher.find()) {
            if (decode(matcher.group(1)).contains("6315551181")) {
                found.add("a wamid that decodes to the phone number");
            }
        }
        return found;
    }

    private static String decode(String base64) {
        String standard = base64.replace('-', '+').replace('_', '/').replace("=", "");
        try {
            return new String(Base64.getDecoder().decode(standard + "==".substring(0, (4 - standard.length() % 4) % 4)),
                    StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A WhatsApp message id as Meta makes them: base64 that carries the customer's number. */
    private static String wamid(String phoneDigits) {
        return "wamid." + Base64.getEncoder().encodeToString(("\u0015\u0018\u000b" + phoneDigits
                + "\u0015\u0002\u0000\u0012\u0018\u00143EB0C0FFEE0000000001").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String sent(String waId, String id) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + waId + "\",\"wa_id\":\"" + waId
                + "\"}],\"messages\":[{\"id\":\"" + id + "\"}]}";
    }
}
