package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.message;
import static dev.conversa.store.contract.Samples.record;
import static dev.conversa.store.contract.Samples.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.agent.HandoffEvent;
import dev.conversa.agent.Note;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.DataClass;
import dev.conversa.privacy.RetentionJob;
import dev.conversa.privacy.RetentionPolicy;
import dev.conversa.privacy.RetentionReport;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.DeadLetter;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.PurgeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of the retention purges ({@code purgeIdle}, {@code purgeProcessed}, {@code
 * purgeFinished}, audit {@code purge}, {@code purgeDone}) as the {@link RetentionJob} drives them:
 * exact boundaries on the test clock (at the limit goes, a second younger stays), everything keyed
 * to a conversation goes with it, work in flight keeps its conversation, tenants' own periods,
 * batches and idempotence.
 */
public abstract class RetentionContract extends StoreContract {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration DAYS_90 = Duration.ofDays(90);
    private static final ConversationKey ANNA = conversation("anna");
    private static final ConversationKey BOB = conversation("bob");

    private RetentionJob job(RetentionPolicy policy) {
        return RetentionJob.create(stores, policy);
    }

    private RetentionReport runAfter(Duration elapsed, RetentionPolicy policy) {
        clock.set(START.plus(elapsed));
        return job(policy).run(now());
    }

    private static RetentionPolicy conversationsFor(Duration period) {
        return RetentionPolicy.builder().keep(DataClass.CONVERSATIONS, period).build();
    }

    /** A conversation last active at {@code at}, with one customer message then and its contact. */
    private void seed(TenantId tenant, ConversationKey key, Instant at) {
        stores.conversations().getOrOpen(tenant, key, at);
        stores.messages().append(record(tenant, key, "m-" + key.contactId(), at));
        stores.contacts().upsert(new Contact(tenant, key.channel(), key.contactId(), Optional.of("Name"),
                Optional.empty(), Optional.of("+1 555 0100"), at));
    }

    private boolean exists(TenantId tenant, ConversationKey key) {
        return stores.conversations().find(tenant, key).isPresent();
    }

    @Test
    void removesAConversationAtTheLimitAndKeepsOneASecondYounger() {
        // given
        seed(TENANT_A, ANNA, START);
        seed(TENANT_A, BOB, START.plusSeconds(1));

        // when
        RetentionReport report = runAfter(DAYS_90, conversationsFor(DAYS_90));

        // then
        assertThat(report.removed(DataClass.CONVERSATIONS)).isEqualTo(1);
        assertThat(exists(TENANT_A, ANNA)).isFalse();
        assertThat(stores.messages().history(TENANT_A, ANNA, 10)).isEmpty();
        assertThat(exists(TENANT_A, BOB)).isTrue();
        assertThat(stores.messages().history(TENANT_A, BOB, 10)).hasSize(1);
    }

    @Test
    void removesEverythingKeyedToTheConversation() {
        // given
        seed(TENANT_A, ANNA, START);
        OutboxEntry sent = sendAndFinish(TENANT_A, ANNA, "k-sent", START);
        stores.messages().append(record(TENANT_A, ANNA, sent.provisionalMessageId(), START));
        stores.messages().rename(TENANT_A, ChannelType.WHATSAPP, sent.provisionalMessageId(),
                List.of("wamid.media", "wamid.caption"));
        stores.inbox().append(TENANT_A, List.of(message(ANNA, "e-parked", START)), START);
        InboxEntry claimed = stores.inbox().claim("w", 1, LEASE, START).get(0);
        stores.inbox().park(claimed, "failed");
        seed(TENANT_A, BOB, START.plus(DAYS_90));

        // when
        runAfter(DAYS_90, conversationsFor(DAYS_90));

        // then
        assertThat(exists(TENANT_A, ANNA)).isFalse();
        assertThat(stores.messages().find(TENANT_A, ChannelType.WHATSAPP, "wamid.caption")).isEmpty();
        assertThat(stores.messages().find(TENANT_A, ChannelType.WHATSAPP, "wamid.media")).isEmpty();
        assertThat(stores.outbox().find(TENANT_A, sent.id())).isEmpty();
        assertThat(stores.inbox().parked(TENANT_A, 10)).isEmpty();
        assertThat(stores.contacts().find(TENANT_A, ChannelType.WHATSAPP, "anna")).isEmpty();
        assertThat(exists(TENANT_A, BOB)).isTrue();
        assertThat(stores.contacts().find(TENANT_A, ChannelType.WHATSAPP, "bob")).isPresent();
    }

    @Test
    void removesTheAgentsNotesAndTheQueueAssignmentOfAPurgedConversation() {
        // given
        seed(TENANT_A, ANNA, START);
        seed(TENANT_A, BOB, START.plus(DAYS_90));
        stores.agents().enqueue(TENANT_A, ANNA, "support", "asked", START);
        stores.agents().addNote(new Note(TENANT_A, ANNA, "n-anna", "agent-1", "Anna wants a refund", START));
        stores.agents().addNote(new Note(TENANT_A, BOB, "n-bob", "agent-1", "Bob is fine", START));
        stores.agents().recordEvent(new HandoffEvent(TENANT_A, ANNA, HandoffEvent.Kind.QUEUED, Optional.of("support"),
                Optional.empty(), START));
        HandoffEvent bobs = new HandoffEvent(TENANT_A, BOB, HandoffEvent.Kind.QUEUED, Optional.of("support"),
                Optional.empty(), START);
        stores.agents().recordEvent(bobs);

        // when
        runAfter(DAYS_90, conversationsFor(DAYS_90));

        // then
        assertThat(exists(TENANT_A, ANNA)).isFalse();
        assertThat(stores.agents().notes(TENANT_A, ANNA)).isEmpty();
        assertThat(stores.agents().findAssignment(TENANT_A, ANNA)).isEmpty();
        assertThat(stores.agents().notes(TENANT_A, BOB)).hasSize(1);
        assertThat(stores.agents().events(TENANT_A, START, START.plusSeconds(1))).containsExactly(bobs);
    }

    @Test
    void keepsTheContactWhileAnotherConversationOfTheirsRemains() {
        // given
        seed(TENANT_A, ANNA, START);
        ConversationKey annaElsewhere = new ConversationKey(ChannelType.WHATSAPP, "phone-number-2", "anna");
        seed(TENANT_A, annaElsewhere, START.plus(DAYS_90));

        // when
        runAfter(DAYS_90, conversationsFor(DAYS_90));

        // then
        assertThat(exists(TENANT_A, ANNA)).isFalse();
        assertThat(stores.contacts().find(TENANT_A, ChannelType.WHATSAPP, "anna")).isPresent();
    }

    @Test
    void keepsAConversationWhoseNewestMessageIsYoungerThanTheLimit() {
        // given
        seed(TENANT_A, ANNA, START);
        stores.messages().append(record(TENANT_A, ANNA, "echo-later", START.plusSeconds(1)));

        // when
        RetentionReport report = runAfter(DAYS_90, conversationsFor(DAYS_90));

        // then
        assertThat(report.removed(DataClass.CONVERSATIONS)).isZero();
        assertThat(stores.messages().history(TENANT_A, ANNA, 10)).hasSize(2);
    }

    @Test
    void neverRemovesAConversationWithWorkInFlight() {
        // given: five old conversations, each with one kind of unfinished work
        ConversationKey pendingEvent = conversation("pending-event");
        ConversationKey claimedEvent = conversation("claimed-event");
        ConversationKey replyTask = conversation("reply-task");
        ConversationKey pendingSend = conversation("pending-send");
        ConversationKey sending = conversation("sending");
        List<ConversationKey> all = List.of(claimedEvent, pendingEvent, replyTask, pendingSend, sending);
        all.forEach(key -> seed(TENANT_A, key, START));
        stores.inbox().append(TENANT_A, List.of(message(claimedEvent, "e1", START)), START);
        InboxEntry claimed = stores.inbox().claim("w", 1, LEASE, START).get(0);
        stores.inbox().append(TENANT_A, List.of(message(pendingEvent, "e2", START)), START);
        stores.inbox().scheduleReply(TENANT_A, replyTask, START.plus(Duration.ofDays(365)), START);
        stores.outbox().enqueue(TENANT_A, reply(pendingSend, "later"), "k1", START.plus(Duration.ofDays(365)));
        OutboxEntry onTheWire = stores.outbox().enqueue(TENANT_A, reply(sending, "now"), "k2", START);
        OutboxEntry claimedSend = stores.outbox().claim("w", 1, LEASE, START).get(0);
        assertThat(claimedSend.id()).isEqualTo(onTheWire.id());
        stores.outbox().markSending(claimedSend, Duration.ofDays(400), START);

        // when
        RetentionReport report = runAfter(DAYS_90, conversationsFor(DAYS_90));

        // then
        assertThat(report.removed(DataClass.CONVERSATIONS)).isZero();
        assertThat(all).allSatisfy(key -> {
            assertThat(exists(TENANT_A, key)).as(key.contactId()).isTrue();
            assertThat(stores.messages().history(TENANT_A, key, 10)).as(key.contactId()).hasSize(1);
        });
        stores.inbox().complete(claimed, now());
        assertThat(stores.inbox().pendingCount()).isEqualTo(2);
    }

    @Test
    void removesAConversationOnceItsWorkIsFinished() {
        // given
        seed(TENANT_A, ANNA, START);
        stores.inbox().append(TENANT_A, List.of(message(ANNA, "e1", START)), START);
        InboxEntry claimed = stores.inbox().claim("w", 1, LEASE, START).get(0);
        RetentionPolicy policy = conversationsFor(DAYS_90);
        assertThat(runAfter(DAYS_90, policy).removed(DataClass.CONVERSATIONS)).isZero();

        // when
        stores.inbox().complete(claimed, START);
        RetentionReport report = job(policy).run(now());

        // then
        assertThat(report.removed(DataClass.CONVERSATIONS)).isEqualTo(1);
        assertThat(exists(TENANT_A, ANNA)).isFalse();
    }

    @Test
    void appliesATenantsOwnPeriodInPlaceOfTheDefault() {
        // given
        seed(TENANT_A, ANNA, START);
        seed(TENANT_B, ANNA, START);
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.CONVERSATIONS, DAYS_90)
                .keep(TENANT_A, DataClass.CONVERSATIONS, Duration.ofDays(30)).build();

        // when
        RetentionReport report = runAfter(Duration.ofDays(30), policy);

        // then
        assertThat(report.removed(DataClass.CONVERSATIONS)).isEqualTo(1);
        assertThat(exists(TENANT_A, ANNA)).isFalse();
        assertThat(exists(TENANT_B, ANNA)).isTrue();
        assertThat(job(policy).run(START.plus(DAYS_90).minusSeconds(1)).removed(DataClass.CONVERSATIONS)).isZero();
        assertThat(job(policy).run(START.plus(DAYS_90)).removed(DataClass.CONVERSATIONS)).isEqualTo(1);
    }

    @Test
    void keepsATenantsDataForEverWhenItsPolicySaysSo() {
        // given
        seed(TENANT_A, ANNA, START);
        seed(TENANT_B, ANNA, START);
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.CONVERSATIONS, DAYS_90)
                .keepForever(TENANT_A, DataClass.CONVERSATIONS).build();

        // when
        runAfter(Duration.ofDays(3650), policy);

        // then
        assertThat(exists(TENANT_A, ANNA)).isTrue();
        assertThat(exists(TENANT_B, ANNA)).isFalse();
    }

    @Test
    void removesMoreThanOneBatchInOneRunAndNothingMoreWhenRunAgain() {
        // given
        int count = RetentionJob.CONVERSATION_BATCH * 2 + 3;
        for (int i = 0; i < count; i++) {
            seed(TENANT_A, conversation("c" + i), START);
        }

        // when
        RetentionReport first = runAfter(DAYS_90, conversationsFor(DAYS_90));
        RetentionReport second = job(conversationsFor(DAYS_90)).run(now());

        // then
        assertThat(first.removed(DataClass.CONVERSATIONS)).isEqualTo(count);
        assertThat(first.succeeded()).isTrue();
        assertThat(second.removed().values()).containsOnly(0);
        assertThat(stores.conversations().list(TENANT_A, Optional.empty(), 1000)).isEmpty();
    }

    @Test
    void purgeIdleRemovesAtMostTheLimit() {
        for (int i = 0; i < 5; i++) {
            seed(TENANT_A, conversation("c" + i), START);
        }

        int removed = stores.conversations().purgeIdle(PurgeScope.tenant(TENANT_A), START, 2);

        assertThat(removed).isEqualTo(2);
        assertThat(stores.conversations().list(TENANT_A, Optional.empty(), 10)).hasSize(3);
    }

    @Test
    void purgesRefuseALimitBelowOne() {
        PurgeScope all = PurgeScope.allTenantsExcept(Set.of());
        assertThatThrownBy(() -> stores.conversations().purgeIdle(all, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.inbox().purgeProcessed(all, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.outbox().purgeFinished(all, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.audit().purge(all, START, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.deletionRequests().purgeDone(all, START, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removesProcessedInboxEntriesAtTheLimitSoTheirEventIsNewAgain() {
        // given
        complete(TENANT_A, message(ANNA, "e-old", START), START);
        complete(TENANT_A, message(ANNA, "e-young", START), START.plusSeconds(1));

        // when
        RetentionReport report = runAfter(Duration.ofDays(7), RetentionPolicy.defaults());

        // then
        assertThat(report.removed(DataClass.PROCESSED_INBOX)).isEqualTo(1);
        assertThat(stores.inbox().append(TENANT_A, List.of(message(ANNA, "e-young", START)), now())).isEmpty();
        assertThat(stores.inbox().append(TENANT_A, List.of(message(ANNA, "e-old", START)), now())).hasSize(1);
    }

    @Test
    void removesFinishedOutboxEntriesAtTheLimitAndNeverPendingOnes() {
        // given
        OutboxEntry old = sendAndFinish(TENANT_A, ANNA, "k-old", START);
        OutboxEntry young = sendAndFinish(TENANT_A, BOB, "k-young", START.plusSeconds(1));
        OutboxEntry pending = stores.outbox().enqueue(TENANT_A, reply(conversation("carl"), "x"), "k-pending",
                START);
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.FINISHED_OUTBOX, DAYS_90).build();

        // when
        RetentionReport report = runAfter(DAYS_90, policy);

        // then
        assertThat(report.removed(DataClass.FINISHED_OUTBOX)).isEqualTo(1);
        assertThat(stores.outbox().find(TENANT_A, old.id())).isEmpty();
        assertThat(stores.outbox().find(TENANT_A, young.id())).isPresent();
        assertThat(stores.outbox().find(TENANT_A, pending.id())).isPresent();
    }

    @Test
    void removesAuditEventsAtTheLimit() {
        // given
        stores.audit().record(new AuditEvent(TENANT_A, START, "old", Map.of()));
        stores.audit().record(new AuditEvent(TENANT_A, START.plusSeconds(1), "young", Map.of()));
        stores.audit().record(new AuditEvent(TENANT_B, START, "other tenant's", Map.of()));
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.AUDIT, DAYS_90)
                .keepForever(TENANT_B, DataClass.AUDIT).build();

        // when
        RetentionReport report = runAfter(DAYS_90, policy);

        // then
        assertThat(report.removed(DataClass.AUDIT)).isEqualTo(1);
        assertThat(stores.audit().list(TENANT_A, 10)).extracting(AuditEvent::action).containsExactly("young");
        assertThat(stores.audit().list(TENANT_B, 10)).hasSize(1);
    }

    @Test
    void removesDeadLettersAtTheLimitAndKeepsOneASecondYounger() {
        // given
        stores.deadLetters().record("whatsapp_business_account", "unreadable", "{\"old\":1}", START);
        stores.deadLetters().record("whatsapp_business_account", "unreadable", "{\"young\":1}", START.plusSeconds(1));
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.DEAD_LETTERS, DAYS_90).build();

        // when
        RetentionReport report = runAfter(DAYS_90, policy);

        // then
        assertThat(report.removed(DataClass.DEAD_LETTERS)).isEqualTo(1);
        assertThat(stores.deadLetters().list(10)).extracting(DeadLetter::body).containsExactly("{\"young\":1}");
    }

    @Test
    void removesDoneDeletionRequestsAtTheLimitAndKeepsPendingOnes() {
        // given
        request("CODE0001", DeletionStatus.DONE, START);
        request("CODE0002", DeletionStatus.DONE, START.plusSeconds(1));
        request("CODE0003", DeletionStatus.RECEIVED, START);
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.DONE_DELETION_REQUESTS, DAYS_90).build();

        // when
        RetentionReport report = runAfter(DAYS_90, policy);

        // then
        assertThat(report.removed(DataClass.DONE_DELETION_REQUESTS)).isEqualTo(1);
        assertThat(stores.deletionRequests().find(TENANT_A, "CODE0001")).isEmpty();
        assertThat(stores.deletionRequests().find(TENANT_A, "CODE0002")).isPresent();
        assertThat(stores.deletionRequests().find(TENANT_A, "CODE0003")).isPresent();
    }

    private void request(String code, DeletionStatus status, Instant updatedAt) {
        stores.deletionRequests().record(new DeletionRequest(TENANT_A, "subject-" + code, code,
                DeletionStatus.RECEIVED, START, START));
        stores.deletionRequests().updateStatus(TENANT_A, code, status, updatedAt);
    }

    private void complete(TenantId tenant, dev.conversa.model.InboundEvent event, Instant at) {
        stores.inbox().append(tenant, List.of(event), at);
        InboxEntry claimed = stores.inbox().claim("w", 1, LEASE, at).get(0);
        stores.inbox().complete(claimed, at);
    }

    private OutboxEntry sendAndFinish(TenantId tenant, ConversationKey to, String key, Instant at) {
        OutboxEntry queued = stores.outbox().enqueue(tenant, reply(to, "text for " + key), key, at);
        OutboxEntry claimed = stores.outbox().claim("w", 1, LEASE, at).get(0);
        assertThat(claimed.id()).isEqualTo(queued.id());
        OutboxEntry sending = stores.outbox().markSending(claimed, LEASE, at);
        stores.outbox().markSent(sending, Optional.of("wamid." + key), at);
        assertThat(stores.outbox().find(tenant, queued.id()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        return queued;
    }
}
