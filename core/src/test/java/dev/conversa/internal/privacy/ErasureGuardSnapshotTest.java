package dev.conversa.internal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.ErasureEntry;
import dev.conversa.store.ErasureLedger;
import dev.conversa.store.memory.InMemoryStores;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Intake reads the erasure ledger from a short-lived snapshot; the pipeline's check always asks the ledger. */
class ErasureGuardSnapshotTest {

    private static final TenantId SHOP = TenantId.of("shop");
    private static final Instant BEFORE = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant ERASED = Instant.parse("2026-12-02T10:00:00Z");

    private final KeyedHash hash = new KeyedHash(Secret.of("a-pepper-of-at-least-thirty-two-chars"));
    private final ErasureLedger ledger = InMemoryStores.create().erasures();
    private final AtomicInteger ledgerQueries = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final ErasureGuard guard = new ErasureGuard(counting(ledger), hash, nanos::get);

    @Test
    void intakeAsksTheLedgerOnceForManyWebhooksOfATenant() {
        for (int i = 0; i < 20; i++) {
            assertThat(guard.keepNotErased(SHOP, List.of(message("person-" + i)))).hasSize(1);
        }

        assertThat(ledgerQueries).hasValue(1);
    }

    @Test
    void anErasureHereIsSeenAtOnceByIntake() {
        guard.keepNotErased(SHOP, List.of(message("ana")));

        erase("ana");
        guard.erased();

        assertThat(guard.keepNotErased(SHOP, List.of(message("ana"), message("bruno"))))
                .extracting(event -> event.header().contactId()).containsExactly("bruno");
    }

    @Test
    void anErasureByAnotherInstanceIsSeenAtOnceByThePipelineAndByIntakeWithinTheSnapshotsLife() {
        guard.keepNotErased(SHOP, List.of(message("ana")));
        erase("ana");

        assertThat(guard.isErased(SHOP, message("ana"))).as("the pipeline's check").isTrue();
        assertThat(guard.keepNotErased(SHOP, List.of(message("ana")))).as("intake, snapshot still fresh").hasSize(1);

        nanos.addAndGet(ErasureGuard.REMEMBERED.toNanos());
        assertThat(guard.keepNotErased(SHOP, List.of(message("ana")))).isEmpty();
    }

    @Test
    void aLedgerTooLongForASnapshotIsAskedPerWebhook() {
        for (int i = 0; i <= ErasureGuard.SNAPSHOT_LIMIT; i++) {
            erase("gone-" + i);
        }

        assertThat(guard.keepNotErased(SHOP, List.of(message("gone-7"), message("ana"))))
                .extracting(event -> event.header().contactId()).containsExactly("ana");
        assertThat(guard.keepNotErased(SHOP, List.of(message("gone-" + ErasureGuard.SNAPSHOT_LIMIT)))).isEmpty();
        assertThat(ledgerQueries.get()).as("one listing, then one query per webhook").isEqualTo(3);
    }

    private void erase(String contactId) {
        ledger.record(new ErasureEntry(SHOP, hash.hash(KeyedHash.idKey(contactId)), ERASED, Map.of()));
    }

    private static InboundEvent message(String contactId) {
        return new InboundMessage(new EventHeader(ChannelType.WHATSAPP, "1001", contactId, "m-" + contactId, BEFORE),
                new Text("hi"), MessageContext.NONE, SenderProfile.UNKNOWN);
    }

    private ErasureLedger counting(ErasureLedger store) {
        return (ErasureLedger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ErasureLedger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("erasedAt") || method.getName().equals("list")) {
                        ledgerQueries.incrementAndGet();
                    }
                    return method.invoke(store, args);
                });
    }
}
