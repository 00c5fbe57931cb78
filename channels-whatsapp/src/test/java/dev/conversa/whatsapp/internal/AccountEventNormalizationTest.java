package dev.conversa.whatsapp.internal;

import static dev.conversa.whatsapp.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.AccountEvent;
import dev.conversa.model.CallPermissionReply;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.OptIn;
import dev.conversa.model.SendingLimit;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp's account-level webhooks (addressed to the WhatsApp Business Account), the customer's
 * call permission reply and a marketing signup, from the project's own fixtures.
 */
class AccountEventNormalizationTest {

    private static final String WABA = "102290129340398";

    private static AccountEvent account(String fixture) {
        return (AccountEvent) single(fixture.replace(".json", ""));
    }

    @Test
    void aRejectedTemplateIsAnAlertAboutTheTemplateAddressedToTheBusinessAccount() {
        AccountEvent event = account("account_template_rejected.json");

        assertThat(event.header().channel()).isEqualTo(ChannelType.WHATSAPP);
        assertThat(event.header().accountId()).isEqualTo(WABA);
        assertThat(event.header().contactId()).isEqualTo(WABA);
        assertThat(event.businessAccountId()).isEqualTo(WABA);
        assertThat(event.header().timestamp()).isEqualTo(Instant.ofEpochSecond(1764900000));
        assertThat(event.header().externalId()).startsWith("message_template_status_update:1764900000:");
        assertThat(event.type()).isEqualTo(AccountEvent.Type.TEMPLATE_STATUS);
        assertThat(event.status()).isEqualTo("REJECTED");
        assertThat(event.alert()).isTrue();
        assertThat(event.template()).contains(new AccountEvent.TemplateRef("winter_sale", "en_US",
                Optional.of("3141592653589793")));
        assertThat(event.details()).containsEntry("reason", "INVALID_FORMAT")
                .containsEntry("message_template_category", "MARKETING")
                .containsEntry("rejection_info.recommendation", "Put words between the variables.")
                .doesNotContainKey("message_template_name");
        assertThat(event.sendingLimit()).isEmpty();
        assertThat(event.kind()).isEqualTo("account_event");
    }

    @Test
    void anApprovedTemplateIsNoAlert() {
        AccountEvent event = account("account_template_approved.json");

        assertThat(event.status()).isEqualTo("APPROVED");
        assertThat(event.alert()).isFalse();
        assertThat(event.template()).map(AccountEvent.TemplateRef::id).contains(Optional.of("2718281828459045"));
    }

    @Test
    void aQualityDropIsAnAlertAndACategoryChangeIsNot() {
        AccountEvent quality = account("account_template_quality.json");
        assertThat(quality.type()).isEqualTo(AccountEvent.Type.TEMPLATE_QUALITY);
        assertThat(quality.status()).isEqualTo("RED");
        assertThat(quality.alert()).isTrue();
        assertThat(quality.details()).containsEntry("previous_quality_score", "GREEN");

        AccountEvent category = account("account_template_category.json");
        assertThat(category.type()).isEqualTo(AccountEvent.Type.TEMPLATE_CATEGORY);
        assertThat(category.status()).isEqualTo("MARKETING");
        assertThat(category.alert()).isFalse();
        assertThat(category.template()).map(AccountEvent.TemplateRef::name).contains("order_ready");
    }

    @Test
    void aBanStopsEverySendAndAReinstatementLiftsIt() {
        AccountEvent ban = account("account_banned.json");
        assertThat(ban.type()).isEqualTo(AccountEvent.Type.ACCOUNT);
        assertThat(ban.status()).isEqualTo("DISABLED_UPDATE");
        assertThat(ban.alert()).isTrue();
        assertThat(ban.details()).containsEntry("ban_info.waba_ban_state", "DISABLE");
        assertThat(ban.sendingLimit()).get().satisfies(limit -> {
            assertThat(limit.replies()).isFalse();
            assertThat(limit.templates()).isFalse();
            assertThat(limit.until()).isEmpty();
            assertThat(limit.reason()).contains("DISABLED_UPDATE DISABLE").contains("banned");
        });

        AccountEvent back = account("account_reinstated.json");
        assertThat(back.alert()).isFalse();
        assertThat(back.sendingLimit()).get().satisfies(limit -> assertThat(limit.isNone()).isTrue());
    }

    @Test
    void aRestrictionOfBusinessInitiatedMessagingStopsTemplatesUntilItExpires() {
        AccountEvent event = account("account_restricted.json");

        assertThat(event.status()).isEqualTo("ACCOUNT_RESTRICTION");
        assertThat(event.alert()).isTrue();
        SendingLimit limit = event.sendingLimit().orElseThrow();
        assertThat(limit.replies()).isTrue();
        assertThat(limit.templates()).isFalse();
        assertThat(limit.until()).contains(Instant.parse("2026-12-12T02:10:00Z"));
        assertThat(limit.reason()).contains("RESTRICTED_BIZ_INITIATED_MESSAGING")
                .doesNotContain("RESTRICTED_ADD_PHONE_NUMBER_ACTION");
        assertThat(limit.stops(true, Instant.parse("2026-12-12T02:09:59Z"))).isTrue();
        assertThat(limit.stops(false, Instant.parse("2026-12-12T02:09:59Z"))).isFalse();
        assertThat(limit.stops(true, Instant.parse("2026-12-12T02:10:00Z"))).isFalse();
    }

    @Test
    void reviewsNumbersAndCapabilitiesAreTyped() {
        AccountEvent review = account("account_review.json");
        assertThat(review.type()).isEqualTo(AccountEvent.Type.ACCOUNT_REVIEW);
        assertThat(review.status()).isEqualTo("REJECTED");
        assertThat(review.alert()).isTrue();

        AccountEvent quality = account("account_phone_quality.json");
        assertThat(quality.type()).isEqualTo(AccountEvent.Type.PHONE_NUMBER_QUALITY);
        assertThat(quality.status()).isEqualTo("DOWNGRADE");
        assertThat(quality.phoneNumber()).contains("15550783881");
        assertThat(quality.alert()).isTrue();
        assertThat(quality.details()).containsEntry("current_limit", "TIER_1K").doesNotContainKey("display_phone_number");

        AccountEvent name = account("account_phone_name.json");
        assertThat(name.type()).isEqualTo(AccountEvent.Type.PHONE_NUMBER_NAME);
        assertThat(name.status()).isEqualTo("APPROVED");
        assertThat(name.alert()).isFalse();
        assertThat(name.details()).containsEntry("requested_verified_name", "Lucky Shrub Garden");

        AccountEvent capability = account("account_capability.json");
        assertThat(capability.type()).isEqualTo(AccountEvent.Type.BUSINESS_CAPABILITY);
        assertThat(capability.status()).isEqualTo("business_capability_update");
        assertThat(capability.details()).containsEntry("max_daily_conversation_per_phone", "10000");
    }

    @Test
    void theToStringNamesNoNumber() {
        assertThat(account("account_phone_quality.json").toString()).doesNotContain("15550783881");
    }

    @Test
    void aCallPermissionReplyIsTypedContent() {
        InboundMessage message = (InboundMessage) single("call_permission_reply");

        assertThat(message.content()).isEqualTo(new CallPermissionReply(true, false,
                Optional.of(Instant.ofEpochSecond(1765506000)), Optional.of("user_action")));
        assertThat(message.content().readableText()).isEmpty();
        assertThat(message.header().contactId()).isEqualTo(Fixtures.CUSTOMER);
    }

    @Test
    void aMarketingSignupIsAnOptIn() {
        OptIn optIn = (OptIn) single("user_preferences_signup");

        assertThat(optIn.optedIn()).isTrue();
        assertThat(optIn.topic()).isEqualTo("marketing_messages");
        assertThat(optIn.details()).containsEntry("value", "signup").containsEntry("signup_id", "8675309000111");
        assertThat(optIn.header().contactId()).isEqualTo(Fixtures.CUSTOMER);
    }
}
