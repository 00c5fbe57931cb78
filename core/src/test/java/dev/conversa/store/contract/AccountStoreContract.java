package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AccountStore}: an account id belongs to one tenant; accounts are found
 * by their business account; template catalogues and sending limits are kept per tenant and
 * business account.
 */
public abstract class AccountStoreContract extends StoreContract {

    private AccountStore accounts() {
        return stores.accounts();
    }

    private static ChannelAccount account(String tenant, ChannelType channel, String id) {
        return new ChannelAccount(TenantId.of(tenant), channel, id,
                Secret.of("token-" + id), Map.of("display", "Shop " + id));
    }

    @Test
    void savedAccountIsFoundByItsIdWithTokenAndSettings() {
        ChannelAccount account = account("tenant-a", ChannelType.WHATSAPP, "1001");

        accounts().save(account);

        ChannelAccount found = accounts().findByAccountId(ChannelType.WHATSAPP, "1001").orElseThrow();
        assertThat(found).isEqualTo(account);
        assertThat(found.accessToken().reveal()).isEqualTo("token-1001");
        assertThat(found.settings()).containsEntry("display", "Shop 1001");
    }

    @Test
    void unknownAccountIsNotFound() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));

        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1002")).isEmpty();
        assertThat(accounts().findByAccountId(ChannelType.MESSENGER, "1001")).isEmpty();
    }

    @Test
    void findTenantNamesTheAccountsTenantOnly() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));

        assertThat(accounts().findTenant(ChannelType.WHATSAPP, "1001")).contains(TENANT_A);
        assertThat(accounts().findTenant(ChannelType.WHATSAPP, "1002")).isEmpty();
        assertThat(accounts().findTenant(ChannelType.MESSENGER, "1001")).isEmpty();
        accounts().delete(TENANT_A, ChannelType.WHATSAPP, "1001");
        assertThat(accounts().findTenant(ChannelType.WHATSAPP, "1001")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheAccount() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));
        ChannelAccount rotated = ChannelAccount.of(TENANT_A, ChannelType.WHATSAPP, "1001", Secret.of("new-token"));

        accounts().save(rotated);

        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001")).contains(rotated);
        assertThat(accounts().list(TENANT_A)).hasSize(1);
    }

    @Test
    void savingAnAccountRegisteredToAnotherTenantIsRejected() {
        ChannelAccount mine = account("tenant-a", ChannelType.WHATSAPP, "1001");
        accounts().save(mine);

        assertThatThrownBy(() -> accounts().save(account("tenant-b", ChannelType.WHATSAPP, "1001")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001")).contains(mine);
    }

    @Test
    void theSameIdOnAnotherChannelIsAnotherAccount() {
        accounts().save(account("tenant-a", ChannelType.MESSENGER, "1001"));

        accounts().save(account("tenant-b", ChannelType.INSTAGRAM, "1001"));

        assertThat(accounts().findByAccountId(ChannelType.INSTAGRAM, "1001").orElseThrow().tenant())
                .isEqualTo(TENANT_B);
    }

    @Test
    void listReturnsOnlyTheTenantsAccounts() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));
        accounts().save(account("tenant-a", ChannelType.MESSENGER, "2001"));
        accounts().save(account("tenant-b", ChannelType.WHATSAPP, "1002"));

        assertThat(accounts().list(TENANT_A)).extracting(ChannelAccount::accountId)
                .containsExactlyInAnyOrder("1001", "2001");
        assertThat(accounts().list(TENANT_B)).extracting(ChannelAccount::accountId).containsExactly("1002");
    }

    @Test
    void deleteRemovesTheAccountOfItsTenantOnly() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));

        assertThat(accounts().delete(TENANT_B, ChannelType.WHATSAPP, "1001")).isFalse();
        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001")).isPresent();
        assertThat(accounts().delete(TENANT_A, ChannelType.WHATSAPP, "1001")).isTrue();
        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001")).isEmpty();
        assertThat(accounts().delete(TENANT_A, ChannelType.WHATSAPP, "1001")).isFalse();
    }

    @Test
    void aDeletedAccountMayBeRegisteredByAnotherTenant() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));
        accounts().delete(TENANT_A, ChannelType.WHATSAPP, "1001");

        accounts().save(account("tenant-b", ChannelType.WHATSAPP, "1001"));

        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001").orElseThrow().tenant())
                .isEqualTo(TENANT_B);
    }

    @Test
    void findByAppUserIdListsTheAccountsThatUserConnectedInTheTenantOnly() {
        // given
        accounts().save(account("tenant-a", ChannelType.MESSENGER, "2001").withAppUserId("app-user-1"));
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001").withAppUserId("app-user-1"));
        accounts().save(account("tenant-a", ChannelType.INSTAGRAM, "3001").withAppUserId("app-user-2"));
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1002"));
        accounts().save(account("tenant-b", ChannelType.WHATSAPP, "1003").withAppUserId("app-user-1"));

        // when
        var found = accounts().findByAppUserId(TENANT_A, "app-user-1");

        // then
        assertThat(found).extracting(ChannelAccount::accountId).containsExactlyInAnyOrder("2001", "1001");
        assertThat(found).allSatisfy(a -> assertThat(a.appUserId()).contains("app-user-1"));
        assertThat(accounts().findByAppUserId(TENANT_A, "APP-USER-1")).isEmpty();
        assertThat(accounts().findByAppUserId(TENANT_B, "app-user-2")).isEmpty();
    }

    @Test
    void theAppUserIdFollowsSavesAndDeletes() {
        ChannelAccount connected = account("tenant-a", ChannelType.WHATSAPP, "1001").withAppUserId("app-user-1");
        accounts().save(connected);
        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001")).contains(connected);

        accounts().save(connected.withAppUserId("app-user-2"));
        assertThat(accounts().findByAppUserId(TENANT_A, "app-user-1")).isEmpty();
        assertThat(accounts().findByAppUserId(TENANT_A, "app-user-2")).hasSize(1);

        accounts().delete(TENANT_A, ChannelType.WHATSAPP, "1001");
        assertThat(accounts().findByAppUserId(TENANT_A, "app-user-2")).isEmpty();
    }

    private static final String WABA = "waba-77";

    private static MessageTemplate template(String name, String language, String status, Integer parameters) {
        return new MessageTemplate(name, language, status, Optional.of("UTILITY"), Optional.ofNullable(parameters),
                Optional.of("id-" + name + "-" + language));
    }

    @Test
    void accountsAreFoundByTheirBusinessAccountAcrossTenantsWithoutOthers() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001").withBusinessAccountId(WABA));
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1002").withBusinessAccountId(WABA));
        accounts().save(account("tenant-b", ChannelType.WHATSAPP, "2001").withBusinessAccountId(WABA));
        accounts().save(account("tenant-b", ChannelType.WHATSAPP, "2002").withBusinessAccountId("waba-other"));
        accounts().save(account("tenant-a", ChannelType.MESSENGER, "3001").withBusinessAccountId(WABA));

        assertThat(accounts().findTenantsByBusinessAccountId(ChannelType.WHATSAPP, WABA))
                .containsExactlyInAnyOrder(TENANT_A, TENANT_B);
        assertThat(accounts().findTenantsByBusinessAccountId(ChannelType.WHATSAPP, "waba-none")).isEmpty();
        assertThat(accounts().findByBusinessAccountId(TENANT_A, ChannelType.WHATSAPP, WABA))
                .extracting(ChannelAccount::accountId).containsExactly("1001", "1002");
        assertThat(accounts().findByBusinessAccountId(TENANT_A, ChannelType.WHATSAPP, WABA).get(0).businessAccountId())
                .contains(WABA);
        assertThat(accounts().findByBusinessAccountId(TENANT_B, ChannelType.WHATSAPP, WABA))
                .extracting(ChannelAccount::accountId).containsExactly("2001");
    }

    @Test
    void savingAnAccountAgainMovesItToItsNewBusinessAccountOrNone() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001").withBusinessAccountId(WABA));

        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001").withBusinessAccountId("waba-new"));
        assertThat(accounts().findTenantsByBusinessAccountId(ChannelType.WHATSAPP, WABA)).isEmpty();
        assertThat(accounts().findTenantsByBusinessAccountId(ChannelType.WHATSAPP, "waba-new")).containsExactly(TENANT_A);

        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));
        assertThat(accounts().findTenantsByBusinessAccountId(ChannelType.WHATSAPP, "waba-new")).isEmpty();
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1002").withBusinessAccountId(WABA));
        accounts().delete(TENANT_A, ChannelType.WHATSAPP, "1002");
        assertThat(accounts().findTenantsByBusinessAccountId(ChannelType.WHATSAPP, WABA)).isEmpty();
    }

    @Test
    void theTemplateCatalogueIsReplacedAndUpdatedPerTenantAndBusinessAccount() {
        accounts().replaceTemplates(TENANT_A, ChannelType.WHATSAPP, WABA, List.of(
                template("order_update", "en_US", "APPROVED", 2), template("order_update", "es", "APPROVED", 2),
                template("abandoned_cart", "en_US", "PAUSED", 0)));
        accounts().replaceTemplates(TENANT_B, ChannelType.WHATSAPP, WABA, List.of(
                template("welcome", "en_US", "APPROVED", 1)));

        assertThat(accounts().templates(TENANT_A, ChannelType.WHATSAPP, WABA))
                .extracting(t -> t.name() + "/" + t.language())
                .containsExactly("abandoned_cart/en_US", "order_update/en_US", "order_update/es");
        assertThat(accounts().findTemplate(TENANT_A, ChannelType.WHATSAPP, WABA, "order_update", "es"))
                .contains(template("order_update", "es", "APPROVED", 2));
        assertThat(accounts().findTemplate(TENANT_A, ChannelType.WHATSAPP, WABA, "welcome", "en_US")).isEmpty();
        assertThat(accounts().findTemplate(TENANT_A, ChannelType.WHATSAPP, "waba-other", "order_update", "es")).isEmpty();

        MessageTemplate learnt = new MessageTemplate("new_offer", "en_US", "PENDING", Optional.empty(),
                Optional.empty(), Optional.empty());
        accounts().saveTemplate(TENANT_A, ChannelType.WHATSAPP, WABA, learnt);
        accounts().saveTemplate(TENANT_A, ChannelType.WHATSAPP, WABA,
                template("order_update", "en_US", "APPROVED", 2).withStatus("PAUSED"));
        assertThat(accounts().findTemplate(TENANT_A, ChannelType.WHATSAPP, WABA, "new_offer", "en_US")).contains(learnt);
        assertThat(accounts().findTemplate(TENANT_A, ChannelType.WHATSAPP, WABA, "order_update", "en_US"))
                .map(MessageTemplate::status).contains("PAUSED");

        accounts().replaceTemplates(TENANT_A, ChannelType.WHATSAPP, WABA, List.of(template("only", "en", "APPROVED", 3)));
        assertThat(accounts().templates(TENANT_A, ChannelType.WHATSAPP, WABA)).extracting(MessageTemplate::name)
                .containsExactly("only");
        assertThat(accounts().templates(TENANT_B, ChannelType.WHATSAPP, WABA)).extracting(MessageTemplate::name)
                .containsExactly("welcome");
    }

    @Test
    void aSendingLimitIsKeptPerTenantUntilLifted() {
        SendingLimit restricted = new SendingLimit(true, false, Optional.of(Instant.parse("2026-12-31T10:15:30Z")),
                "restricted: business-initiated messaging");
        SendingLimit banned = new SendingLimit(false, false, Optional.empty(), "banned");

        accounts().saveSendingLimit(TENANT_A, ChannelType.WHATSAPP, WABA, restricted);
        assertThat(accounts().findSendingLimit(TENANT_A, ChannelType.WHATSAPP, WABA)).contains(restricted);
        assertThat(accounts().findSendingLimit(TENANT_B, ChannelType.WHATSAPP, WABA)).isEmpty();
        assertThat(accounts().findSendingLimit(TENANT_A, ChannelType.MESSENGER, WABA)).isEmpty();

        accounts().saveSendingLimit(TENANT_A, ChannelType.WHATSAPP, WABA, banned);
        assertThat(accounts().findSendingLimit(TENANT_A, ChannelType.WHATSAPP, WABA)).contains(banned);

        accounts().saveSendingLimit(TENANT_A, ChannelType.WHATSAPP, WABA, SendingLimit.none("reinstated"));
        assertThat(accounts().findSendingLimit(TENANT_A, ChannelType.WHATSAPP, WABA)).isEmpty();
    }

    @Test
    void whetherAnAccountServesGroupsIsKeptAndOffByDefault() {
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1001"));
        accounts().save(account("tenant-a", ChannelType.WHATSAPP, "1002").withServesGroups(true));

        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1001")).get()
                .satisfies(account -> assertThat(account.servesGroups()).isFalse());
        assertThat(accounts().findByAccountId(ChannelType.WHATSAPP, "1002")).get()
                .satisfies(account -> assertThat(account.servesGroups()).isTrue());
    }
}
