package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link AccountStore}: an account id belongs to one tenant. */
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
