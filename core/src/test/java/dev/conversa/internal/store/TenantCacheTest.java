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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private volatile Gate held;
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
    void followsAChangeMadeBehindItsBackWhenTheNextCallerReadsItAgain() {
        rememberAnAccountThenDeleteItBehindItsBack();

        nanos.addAndGet(TenantCache.REREAD_AFTER.minusMillis(1).toNanos());
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).as("still remembered").contains(SHOP);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).as("read again").isEmpty();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void forgetsATenantNoOneAskedForUntilItExpired() {
        rememberAnAccountThenDeleteItBehindItsBack();

        nanos.addAndGet(TenantCache.REMEMBERED.toNanos());

        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).isEmpty();
    }

    @Test
    void oneCallerReadsATenantAgainBeforeItExpiresWhileTheOthersKeepTheRememberedOne() throws Exception {
        backing.save(ACCOUNT);
        cache.findTenant(ChannelType.WHATSAPP, "1001");
        nanos.addAndGet(TenantCache.REREAD_AFTER.toNanos());

        Gate gate = holdReads();
        CompletableFuture<Optional<TenantId>> rereading =
                CompletableFuture.supplyAsync(() -> cache.findTenant(ChannelType.WHATSAPP, "1001"));
        try {
            assertThat(gate.entered().await(10, TimeUnit.SECONDS)).as("the reread began").isTrue();
            for (int i = 0; i < 8; i++) {
                assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(SHOP);
            }
            assertThat(lookups).as("the first read and the one reread").hasValue(2);
        } finally {
            gate.release().countDown();
        }
        assertThat(rereading.get(10, TimeUnit.SECONDS)).contains(SHOP);

        nanos.addAndGet(TenantCache.REMEMBERED.minus(TenantCache.REREAD_AFTER).plusMillis(1).toNanos());
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).as("past the first read's expiry").contains(SHOP);
        assertThat(lookups).as("no one read it when the first read expired").hasValue(2);
    }

    @Test
    void aReadOvertakenByASaveDoesNotPutBackWhatItRead() throws Exception {
        backing.save(ACCOUNT);
        ChannelAccount newToken = ChannelAccount.of(SHOP, ChannelType.WHATSAPP, "1001", Secret.of("new token"));

        Gate gate = holdReads();
        CompletableFuture<Optional<ChannelAccount>> reading =
                CompletableFuture.supplyAsync(() -> cache.findByAccountId(ChannelType.WHATSAPP, "1001"));
        try {
            assertThat(gate.entered().await(10, TimeUnit.SECONDS)).as("the read has the old account").isTrue();
            cache.save(newToken);
        } finally {
            gate.release().countDown();
        }
        assertThat(reading.get(10, TimeUnit.SECONDS)).contains(ACCOUNT);

        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).contains(newToken);
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
        nanos.addAndGet(TenantCache.REREAD_AFTER.minusMillis(1).toNanos());
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).as("still remembered").contains(newToken);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.findByAccountId(ChannelType.WHATSAPP, "1001")).as("read again").isEmpty();

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
                    Object result = method.invoke(store, args);
                    Gate gate = held;
                    if (gate != null && method.getName().startsWith("find")) {
                        held = null;
                        gate.entered().countDown();
                        if (!gate.release().await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test did not release the read");
                        }
                    }
                    return result;
                });
    }

    private void rememberAnAccountThenDeleteItBehindItsBack() {
        backing.save(ACCOUNT);
        assertThat(cache.findTenant(ChannelType.WHATSAPP, "1001")).contains(SHOP);
        backing.delete(SHOP, ChannelType.WHATSAPP, "1001");
    }

    /** Holds the next read, once it has read the store, until released. */
    private Gate holdReads() {
        Gate gate = new Gate(new CountDownLatch(1), new CountDownLatch(1));
        held = gate;
        return gate;
    }

    private record Gate(CountDownLatch entered, CountDownLatch release) {
    }
}
