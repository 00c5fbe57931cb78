package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.Template;
import dev.conversa.model.TemplateComponent;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sending limit and the template catalogue of a business account, checked before any request. */
class TemplateCheckTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final String WABA = "waba-1";
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, "1001", "16315551181");

    private final AccountStore accounts = InMemoryStores.create().accounts();
    private final ChannelAccount number = ChannelAccount.of(TENANT, ChannelType.WHATSAPP, "1001", Secret.of("t"))
            .withBusinessAccountId(WABA);

    private static OutboundMessage template(String name, String... body) {
        return OutboundMessage.of(KEY, new Template(name, "en_US",
                body.length == 0 ? List.of() : List.of(TemplateComponent.body(body))));
    }

    private Optional<String> refusal(ChannelAccount account, OutboundMessage message) {
        return TemplateCheck.refusal(accounts, TENANT, account, message, NOW);
    }

    private void catalogue(MessageTemplate... templates) {
        accounts.replaceTemplates(TENANT, ChannelType.WHATSAPP, WABA, List.of(templates));
    }

    private static MessageTemplate known(String name, String status, Integer parameters) {
        return new MessageTemplate(name, "en_US", status, Optional.of("UTILITY"), Optional.ofNullable(parameters),
                Optional.empty());
    }

    @Test
    void withoutCatalogueOrBusinessAccountNothingIsChecked() {
        assertThat(refusal(number, template("anything", "a"))).isEmpty();
        catalogue(known("order_ready", "APPROVED", 1));
        ChannelAccount bare = ChannelAccount.of(TENANT, ChannelType.WHATSAPP, "1001", Secret.of("t"));
        assertThat(refusal(bare, template("anything"))).isEmpty();
    }

    @Test
    void anUnknownTemplateOneNotApprovedAndAWrongParameterCountAreRefusedWithTheReason() {
        catalogue(known("order_ready", "APPROVED", 2), known("old_offer", "PAUSED", 0), known("learnt", "APPROVED", null));

        assertThat(refusal(number, template("order_ready", "A-1", "noon"))).isEmpty();
        assertThat(refusal(number, template("learnt", "anything", "at", "all"))).isEmpty();
        assertThat(refusal(number, template("spring_sale"))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("refused: unknown template 'spring_sale' (en_US)").contains(WABA));
        assertThat(refusal(number, template("old_offer"))).contains(
                "refused: template 'old_offer' (en_US) is PAUSED, not APPROVED");
        assertThat(refusal(number, template("order_ready", "A-1"))).contains(
                "refused: template 'order_ready' (en_US) takes 2 body parameter(s), the message gives 1");
        assertThat(refusal(number, template("order_ready", "A-1"))).hasValueSatisfying(reason -> assertThat(reason)
                .doesNotContain("A-1"));
    }

    @Test
    void aRestrictionOfTemplatesLetsRepliesGoUntilItEnds() {
        accounts.saveSendingLimit(TENANT, ChannelType.WHATSAPP, WABA, new SendingLimit(true, false,
                Optional.of(NOW.plusSeconds(60)), "account_update ACCOUNT_RESTRICTION RESTRICTED_BIZ_INITIATED_MESSAGING"));

        assertThat(refusal(number, template("order_ready"))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("refused: account_update ACCOUNT_RESTRICTION").contains("no template may go")
                .contains("until " + NOW.plusSeconds(60)));
        assertThat(refusal(number, OutboundMessage.text(KEY, "hello"))).isEmpty();
        assertThat(TemplateCheck.refusal(accounts, TENANT, number, template("order_ready"), NOW.plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void aBanStopsEverythingUntilLifted() {
        accounts.saveSendingLimit(TENANT, ChannelType.WHATSAPP, WABA, new SendingLimit(false, false, Optional.empty(),
                "banned"));

        assertThat(refusal(number, OutboundMessage.text(KEY, "hello"))).contains("refused: banned; no message may go");
        assertThat(refusal(number, template("order_ready"))).contains("refused: banned; no template may go");
        assertThat(TemplateCheck.refusal(accounts, TenantId.of("other"), number, template("x"), NOW)).isEmpty();

        accounts.saveSendingLimit(TENANT, ChannelType.WHATSAPP, WABA, SendingLimit.none("reinstated"));
        assertThat(refusal(number, OutboundMessage.text(KEY, "hello"))).isEmpty();
    }
}
