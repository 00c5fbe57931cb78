package dev.conversa.privacy;

import static dev.conversa.privacy.ErasureScenario.ANA_FB;
import static dev.conversa.privacy.ErasureScenario.ANA_PSID;
import static dev.conversa.privacy.ErasureScenario.ANA_WA;
import static dev.conversa.privacy.ErasureScenario.PEPPER;
import static dev.conversa.privacy.ErasureScenario.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Erasure of one person on the in-memory stores: complete, scoped, reported, repeatable. */
class PrivacyEraseTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final Stores stores = InMemoryStores.create();
    private final ErasureScenario scenario = new ErasureScenario();

    @ParameterizedTest
    @ValueSource(strings = {"+34 612 34 56 78", "34612345678", "@ana.LOPEZ.77", "ANA.LOPEZ.77", ANA_PSID,
        ErasureScenario.ANA_IGSID})
    void erasingByAnyIdentifierLeavesNoTraceOfThePersonAndKeepsTheOtherIntact(String identifier) {
        scenario.seed(stores, clock.instant());
        assertThat(scenario.hits(StoredStrings.of(stores))).isNotEmpty();

        ErasureReport report = ErasureScenario.privacy(stores, clock).erase(TENANT, identifier);

        assertThat(scenario.hits(StoredStrings.of(stores))).isEmpty();
        scenario.assertBrunoIntact(stores);
        assertThat(report.count(ErasureReport.CONTACTS)).isEqualTo(3);
        assertThat(report.count(ErasureReport.CONVERSATIONS)).isEqualTo(3);
        assertThat(report.count(ErasureReport.MESSAGES)).isEqualTo(5);
        assertThat(report.count(ErasureReport.OUTBOX)).isEqualTo(3);
        assertThat(report.count(ErasureReport.INBOX)).isEqualTo(5);
        assertThat(report.count(ErasureReport.CONSENTS)).isEqualTo(3);
        assertThat(report.count(ErasureReport.DELETION_REQUESTS)).isEqualTo(1);
        assertThat(report.count(ErasureReport.AUDIT)).isEqualTo(2);
        assertThat(report.count(ErasureReport.DEAD_LETTERS)).isEqualTo(1);
        assertThat(report.count(ErasureReport.NOTES)).isEqualTo(1);
        assertThat(stores.agents().findAssignment(TENANT, ErasureScenario.ANA_WA)).isEmpty();
        assertThat(report.erasedAt()).isEqualTo(clock.instant());
        assertThat(report.complete()).isTrue();
    }

    @Test
    void oneAuditRecordHoldsTheKeyedHashCountsAndTimeAndNamesNobody() {
        scenario.seed(stores, clock.instant());

        ErasureReport report = ErasureScenario.privacy(stores, clock).erase(TENANT, "+34 612 345 678");

        List<AuditEvent> erasures = stores.audit().list(TENANT, 100).stream()
                .filter(e -> e.action().equals(Privacy.ERASURE_ACTION)).toList();
        assertThat(erasures).hasSize(1);
        AuditEvent audit = erasures.get(0);
        assertThat(audit.at()).isEqualTo(clock.instant());
        assertThat(audit.details()).containsEntry("identifierHash", report.identifierHash())
                .containsEntry("contacts", "3").containsEntry("listenerFailures", "0");
        assertThat(scenario.hits(audit.details().values())).isEmpty();
    }

    @Test
    void theHashIsAnHmacUnderThePepperTheSameForEveryFormatOfOneNumber() throws Exception {
        Privacy privacy = ErasureScenario.privacy(stores, clock);
        Privacy otherDeployment = Privacy.builder().stores(stores).pepper(Secret.of("another-pepper-".repeat(3)))
                .build();

        String hash = privacy.identifierHash("+34 612 34 56 78");

        assertThat(privacy.identifierHash("34612345678")).isEqualTo(hash);
        assertThat(privacy.identifierHash("+34-612-345-678")).isEqualTo(hash);
        assertThat(privacy.identifierHash("@Ana.Lopez")).isEqualTo(privacy.identifierHash("@ana.lopez"));
        assertThat(otherDeployment.identifierHash("34612345678")).isNotEqualTo(hash);
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("phone:34612345678".getBytes(StandardCharsets.UTF_8)));
        assertThat(hash).hasSize(64).isNotEqualTo(plainSha256);
    }

    @Test
    void theLatestOptOutStaysUnderAKeyedHashAndTheRestOfTheHistoryGoes() {
        scenario.seed(stores, clock.instant());

        ErasureScenario.privacy(stores, clock).erase(TENANT, ANA_PSID);

        KeyedHash hash = new KeyedHash(PEPPER);
        String messengerKey = PersonEraser.ERASED_PREFIX + hash.hash(KeyedHash.idKey(ANA_PSID));
        String whatsAppKey = PersonEraser.ERASED_PREFIX + hash.hash(KeyedHash.idKey(ANA_WA.contactId()));
        assertThat(stores.consents().isOptedOut(TENANT, ChannelType.MESSENGER, messengerKey, "anything")).isTrue();
        assertThat(stores.consents().list(TENANT, ChannelType.WHATSAPP, whatsAppKey)).singleElement()
                .satisfies(kept -> assertThat(kept.optedIn()).isFalse());
        assertThat(stores.consents().list(TENANT, ChannelType.WHATSAPP, ANA_WA.contactId())).isEmpty();
        assertThat(stores.consents().list(TENANT, ChannelType.MESSENGER, ANA_PSID)).isEmpty();
    }

    @Test
    void erasingAgainFindsNothingMore() {
        scenario.seed(stores, clock.instant());
        Privacy privacy = ErasureScenario.privacy(stores, clock);
        privacy.erase(TENANT, ANA_PSID);

        ErasureReport again = privacy.erase(TENANT, ANA_PSID);

        assertThat(again.counts().values()).allMatch(count -> count == 0);
        scenario.assertBrunoIntact(stores);
    }

    @Test
    void aFailingListenerIsTriedAgainAndReportedWhenItKeepsFailing() {
        scenario.seed(stores, clock.instant());
        AtomicInteger flakyCalls = new AtomicInteger();
        AtomicInteger brokenCalls = new AtomicInteger();
        List<ErasedPerson> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        ErasureListener flaky = person -> {
            if (flakyCalls.incrementAndGet() < 2) {
                throw new IllegalStateException("crm down");
            }
            told.add(person);
        };
        ErasureListener broken = new BrokenListener(brokenCalls);
        Privacy privacy = Privacy.builder().stores(stores).pepper(PEPPER).clock(clock).listener(flaky)
                .listener(broken).build();

        ErasureReport report = privacy.erase(TENANT, "@ana.lopez.77");

        assertThat(flakyCalls).hasValue(2);
        assertThat(brokenCalls).hasValue(Privacy.LISTENER_ATTEMPTS);
        assertThat(report.listenerFailures()).containsExactly(BrokenListener.class.getName() + ": "
                + java.io.IOException.class.getName());
        assertThat(report.complete()).isFalse();
        ErasedPerson person = told.get(0);
        assertThat(person.identities().get(ChannelType.MESSENGER)).containsExactly(ANA_PSID);
        assertThat(person.phoneNumbers()).containsExactly("34612345678");
        assertThat(person.usernames()).containsExactly("ana.lopez.77");
        assertThat(person.toString()).doesNotContain("34612345678").doesNotContain(ANA_PSID);
        assertThat(stores.audit().list(TENANT, 100)).filteredOn(e -> e.action().equals(Privacy.ERASURE_ACTION))
                .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("listenerFailures", "1"));
    }

    @Test
    void reapplyErasuresErasesAgainWhatARestoreBroughtBack() {
        scenario.seed(stores, clock.instant());
        Privacy privacy = ErasureScenario.privacy(stores, clock);
        privacy.erase(TENANT, "+34612345678");
        scenario.restoreAna(stores, clock.instant());
        assertThat(scenario.hits(StoredStrings.of(stores))).isNotEmpty();
        clock.advance(java.time.Duration.ofHours(1));

        List<ErasureReport> reports = privacy.reapplyErasures();

        assertThat(reports).isNotEmpty();
        assertThat(scenario.hits(StoredStrings.of(stores))).isEmpty();
        scenario.assertBrunoIntact(stores);
        assertThat(stores.audit().list(TENANT, 100)).anyMatch(e -> e.action().equals(Privacy.REAPPLIED_ACTION));
        assertThat(privacy.reapplyErasures()).isEmpty();
    }

    @Test
    void thePepperIsRequiredAndMustBeLongEnough() {
        assertThatThrownBy(() -> Privacy.builder().stores(stores).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("privacyPepper is required");
        assertThatThrownBy(() -> Privacy.builder().stores(stores).pepper(Secret.of("short")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("privacyPepper must be at least 32")
                .hasMessageNotContaining("short");
    }

    @Test
    void aBlankIdentifierIsRefused() {
        Privacy privacy = ErasureScenario.privacy(stores, clock);

        assertThatThrownBy(() -> privacy.erase(TENANT, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(stores.erasures().tenants()).isEmpty();
    }

    @Test
    void aPersonWithNoStoredDataIsStillLedgered() {
        ErasureReport report = ErasureScenario.privacy(stores, clock).erase(TENANT, ANA_FB.contactId());

        assertThat(report.counts().values()).allMatch(count -> count == 0);
        assertThat(stores.erasures().erasedAt(TENANT, List.of(new KeyedHash(PEPPER).hash(
                KeyedHash.idKey(ANA_PSID))))).containsEntry(new KeyedHash(PEPPER).hash(KeyedHash.idKey(ANA_PSID)),
                clock.instant());
        assertThat(ConsentRecord.ALL).isEqualTo("all");
        assertThat(Instant.EPOCH).isBefore(report.erasedAt());
    }

    /** A listener that always fails. */
    private static final class BrokenListener implements ErasureListener {
        private final AtomicInteger calls;

        BrokenListener(AtomicInteger calls) {
            this.calls = calls;
        }

        @Override
        public void erased(ErasedPerson person) throws Exception {
            calls.incrementAndGet();
            throw new java.io.IOException("ticket system refused " + person.identifierHash());
        }
    }
}
