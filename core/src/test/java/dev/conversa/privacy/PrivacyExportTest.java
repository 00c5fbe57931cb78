package dev.conversa.privacy;

import static dev.conversa.privacy.ErasureScenario.ANA_PSID;
import static dev.conversa.privacy.ErasureScenario.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Export of one person on the in-memory stores: complete, of that person only, audited without naming them. */
class PrivacyExportTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final Stores stores = InMemoryStores.create();
    private final ErasureScenario scenario = new ErasureScenario();

    @ParameterizedTest
    @ValueSource(strings = {"+34 612 34 56 78", "@ANA.lopez.77", ANA_PSID})
    void exportingByAnyIdentifierHoldsEverythingOfThePersonAndNothingOfAnother(String identifier) {
        scenario.seed(stores, clock.instant());

        PersonalDataExport export = ErasureScenario.privacy(stores, clock).export(TENANT, identifier);

        scenario.assertExportHoldsAnaOnly(export);
        assertThat(export.exportedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theExportIsAuditedByKeyedHashAndCountsAndNamesNobody() {
        scenario.seed(stores, clock.instant());
        Privacy privacy = ErasureScenario.privacy(stores, clock);

        PersonalDataExport export = privacy.export(TENANT, "+34 612 345 678");

        List<AuditEvent> exports = stores.audit().list(TENANT, 100).stream()
                .filter(e -> e.action().equals(Privacy.EXPORT_ACTION)).toList();
        assertThat(exports).singleElement().satisfies(audit -> {
            assertThat(audit.at()).isEqualTo(clock.instant());
            assertThat(audit.details()).containsEntry("identifierHash", privacy.identifierHash("34612345678"))
                    .containsEntry("identifierHash", export.identifierHash())
                    .containsEntry("contacts", "3").containsEntry("conversations", "3")
                    .containsEntry("messages", String.valueOf(export.messages().size()))
                    .containsEntry("consents", "3").containsEntry("deletionRequests", "1");
            assertThat(scenario.hits(audit.details().values())).isEmpty();
            assertThat(scenario.hits(List.of(audit.toString()))).isEmpty();
        });
    }

    @Test
    void exportingChangesNothingButTheAuditLog() {
        scenario.seed(stores, clock.instant());
        List<String> before = StoredStrings.of(stores);

        ErasureScenario.privacy(stores, clock).export(TENANT, ANA_PSID);

        List<String> after = StoredStrings.of(stores);
        assertThat(scenario.hits(after)).containsExactlyInAnyOrderElementsOf(scenario.hits(before));
    }

    @Test
    void anUnknownPersonOrAnotherTenantGivesAnEmptyExport() {
        scenario.seed(stores, clock.instant());
        Privacy privacy = ErasureScenario.privacy(stores, clock);

        PersonalDataExport unknown = privacy.export(TENANT, "+44 20 7946 0000");
        PersonalDataExport otherTenant = privacy.export(TenantId.of("other-shop"), ErasureScenario.ANA_PHONE);

        for (PersonalDataExport export : List.of(unknown, otherTenant)) {
            assertThat(export.contacts()).isEmpty();
            assertThat(export.conversations()).isEmpty();
            assertThat(export.messages()).isEmpty();
            assertThat(export.consents()).isEmpty();
            assertThat(export.deletionRequests()).isEmpty();
            assertThat(export.toJson()).contains("\"schemaVersion\" : 1").doesNotContain("Ana");
        }
    }

    @Test
    void aBlankIdentifierIsRefused() {
        Privacy privacy = ErasureScenario.privacy(stores, clock);

        assertThatThrownBy(() -> privacy.export(TENANT, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.audit().list(TENANT, 10)).isEmpty();
    }
}
