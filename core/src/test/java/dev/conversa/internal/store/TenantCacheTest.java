package dev.conversa.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import dev.conversa.store.memory.InMemoryStores;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantCacheTest {

    private static final TenantId SHOP = TenantId.of("shop");
    private static final ChannelAccount ACCOUNT = ChannelAccount.of(SHOP, ChannelType.WHATSAPP, "1001", Secret.of("t"));

    private final AccountStore backing = InMemoryStores.create().accounts();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger accountReads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final TenantCache cache = new TenantCache(counting(backing), nanos::get);

    @Test
    void asksTheStoreOnceForAnAccountThatExists() {
        backing.save(ACCOUNT);

        for (int i = 0; i < 5; i++) {
            assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(SHOP);
        }

        assertThat(lookups).hasValue(1);
    }

    @Test
    void neverRemembersAnUnknownAccountSoOneRegisteredAMomentLaterIsFound() {
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).isEmpty();
        backing.save(ACCOUNT);

        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(SHOP);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void forgetsAtOnceAnAccountDeletedOrSavedThroughIt() {
        cache.save(ACCOUNT);
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(SHOP);

        cache.delete(SHOP, ChannelType.WHATSAPP, "1001");
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).isEmpty();

        TenantId other = TenantId.of("other");
        cache.save(ChannelAccount.of(other, ChannelType.WHATSAPP, "1001", Secret.of("t")));
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(other);
    }

    @Test
    void followsAChangeMadeBehindItsBackOnceTheEntryExpires() {
        backing.save(ACCOUNT);
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(SHOP);
        backing.delete(SHOP, ChannelType.WHATSAPP, "1001");

        nanos.addAndGet(TenantCache.REMEMBERED.minusMillis(1).toNanos());
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).as("still remembered").contains(SHOP);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).isEmpty();
    }

    @Test
    void readsAnAccountOnceAndFollowsItsChangesThroughItAtOnceAndBehindItsBackOnExpiry() {
        backing.save(ACCOUNT);
        for (int i = 0; i < 5; i++) {
            assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).contains(ACCOUNT);
        }
        assertThat(accountReads).as("reads of a remembered account").hasValue(1);

        ChannelAccount newToken = ChannelAccount.of(SHOP, ChannelType.WHATSAPP, "1001", Secret.of("new token"));
        cache.save(newToken);
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).as("saved through it").contains(newToken);

        backing.delete(SHOP, ChannelType.WHATSAPP, "1001");
        nanos.addAndGet(TenantCache.REMEMBERED.minusMillis(1).toNanos());
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).as("still remembered").contains(newToken);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).as("expired").isEmpty();

        cache.save(ACCOUNT);
        cache.findByAccountId(ChannelType.WHATSAPP, "1001");
        cache.delete(SHOP, ChannelType.WHATSAPP, "1001");
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).as("deleted through it").isEmpty();
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "unknown")).isEmpty();
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "unknown")).isEmpty();
        assertThat(accountReads).as("an unknown account is asked for each time").hasValue(7);
    }

    @Test
    void wrapsAStoreOnce() {
        AccountStore once = TenantCache.over(backing);

        assertThat(TenantCache.over(once)).isSameAs(once);
    }

    private AccountStore counting(AccountStore store) {
        return (AccountStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccountStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findTenant")) {
                        lookups.incrementAndGet();
                    } else if (method.getName().equals("findByAccountId")) {
                        accountReads.incrementAndGet();
                    }
                    return method.invoke(store, args);
                });
    }
}
