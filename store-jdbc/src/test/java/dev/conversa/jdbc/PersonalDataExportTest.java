package dev.conversa.jdbc;

import static dev.conversa.privacy.ErasureScenario.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.privacy.ErasureScenario;
import dev.conversa.privacy.PersonalDataExport;
import dev.conversa.privacy.Privacy;
import dev.conversa.store.AuditEvent;
import dev.conversa.testsupport.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Export of one person on H2 and PostgreSQL: what the scenario stored comes back whole through
 * the JDBC stores and their JSON (phone number, user name in another case, PSID), nothing of the
 * other person, and the audit record of the export names nobody.
 */
class PersonalDataExportTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    private void exportAndCheck(JdbcStores jdbc, String identifier) {
        ErasureScenario scenario = new ErasureScenario();
        scenario.seed(jdbc.stores(), clock.instant());

        PersonalDataExport export = ErasureScenario.privacy(jdbc.stores(), clock).export(TENANT, identifier);

        scenario.assertExportHoldsAnaOnly(export);
        List<AuditEvent> audits = jdbc.stores().audit().list(TENANT, 100).stream()
                .filter(e -> e.action().equals(Privacy.EXPORT_ACTION)).toList();
        assertThat(audits).singleElement().satisfies(audit -> {
            assertThat(audit.details()).containsEntry("identifierHash", export.identifierHash())
                    .containsEntry("contacts", "3");
            assertThat(scenario.hits(audit.details().values())).isEmpty();
        });
    }

    @Nested
    class OnH2 {

        @ParameterizedTest
        @ValueSource(strings = {"+34 612 34 56 78", "@ANA.lopez.77", "7701234567890123"})
        void exportHoldsEverythingOfThePersonOnly(String identifier) {
            exportAndCheck(TestDatabases.h2(clock), identifier);
        }
    }

    @Nested
    class OnPostgres {

        @ParameterizedTest
        @ValueSource(strings = {"+34 612 34 56 78", "@ANA.lopez.77", "7701234567890123"})
        void exportHoldsEverythingOfThePersonOnly(String identifier) {
            exportAndCheck(TestDatabases.postgres(clock), identifier);
        }
    }
}
