package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.store.ErasureEntry;
import dev.conversa.store.ErasureLedger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link ErasureLedger}: keyed hashes per tenant, the latest time kept. */
public abstract class ErasureLedgerContract extends StoreContract {

    private static final String HASH_1 = "1".repeat(64);
    private static final String HASH_2 = "2".repeat(64);
    private static final String HASH_3 = "3".repeat(64);

    private ErasureLedger ledger() {
        return stores.erasures();
    }

    @Test
    void aRecordedHashIsFoundWithItsTimeAndOthersAreNot() {
        ledger().record(new ErasureEntry(TENANT_A, HASH_1, now(), Map.of("contacts", 2)));

        assertThat(ledger().erasedAt(TENANT_A, List.of(HASH_1, HASH_2))).isEqualTo(Map.of(HASH_1, now()));
        assertThat(ledger().erasedAt(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void theLedgerIsScopedByTenant() {
        ledger().record(new ErasureEntry(TENANT_A, HASH_1, now(), Map.of()));

        assertThat(ledger().erasedAt(TENANT_B, List.of(HASH_1))).isEmpty();
        assertThat(ledger().list(TENANT_B, 0, 10)).isEmpty();
        assertThat(ledger().tenants()).containsExactly(TENANT_A);
    }

    @Test
    void recordingAgainKeepsOneLineWithTheLaterTimeAndTheNewCounts() {
        ledger().record(new ErasureEntry(TENANT_A, HASH_1, inSeconds(60), Map.of("contacts", 1)));
        ledger().record(new ErasureEntry(TENANT_A, HASH_1, now(), Map.of("contacts", 0)));

        assertThat(ledger().list(TENANT_A, 0, 10)).containsExactly(
                new ErasureEntry(TENANT_A, HASH_1, inSeconds(60), Map.of("contacts", 0)));

        ledger().record(new ErasureEntry(TENANT_A, HASH_1, inSeconds(120), Map.of("contacts", 3)));
        assertThat(ledger().erasedAt(TENANT_A, List.of(HASH_1))).isEqualTo(Map.of(HASH_1, inSeconds(120)));
    }

    @Test
    void listPagesInHashOrder() {
        ledger().record(new ErasureEntry(TENANT_A, HASH_3, now(), Map.of()));
        ledger().record(new ErasureEntry(TENANT_A, HASH_1, now(), Map.of()));
        ledger().record(new ErasureEntry(TENANT_A, HASH_2, now(), Map.of()));

        assertThat(ledger().list(TENANT_A, 0, 2)).extracting(ErasureEntry::keyHash).containsExactly(HASH_1, HASH_2);
        assertThat(ledger().list(TENANT_A, 2, 2)).extracting(ErasureEntry::keyHash).containsExactly(HASH_3);
    }

    @Test
    void aHashMustBeSixtyFourLowerCaseHexDigits() {
        assertThatThrownBy(() -> new ErasureEntry(TENANT_A, "+15550100123", now(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("15550100123");
    }
}
