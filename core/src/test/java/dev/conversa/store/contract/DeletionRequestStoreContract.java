package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.TenantId;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionRequestStore;
import dev.conversa.store.DeletionStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link DeletionRequestStore}: unique codes, status changes, pending lists per tenant. */
public abstract class DeletionRequestStoreContract extends StoreContract {

    private DeletionRequestStore requests() {
        return stores.deletionRequests();
    }

    private DeletionRequest received(TenantId tenant, String code, long second) {
        return new DeletionRequest(tenant, "app-user-1", code, DeletionStatus.RECEIVED, inSeconds(second),
                inSeconds(second));
    }

    @Test
    void findReturnsTheRecordedRequest() {
        DeletionRequest request = received(TENANT_A, "CODE0001", 0);

        assertThat(requests().record(request)).isTrue();

        assertThat(requests().find(TENANT_A, "CODE0001")).contains(request);
    }

    @Test
    void aTakenCodeIsRefusedAndTheStoredRequestKept() {
        DeletionRequest first = received(TENANT_A, "CODE0001", 0);
        requests().record(first);

        boolean recorded = requests().record(new DeletionRequest(TENANT_A, "someone-else", "CODE0001",
                DeletionStatus.DONE, inSeconds(5), inSeconds(5)));

        assertThat(recorded).isFalse();
        assertThat(requests().find(TENANT_A, "CODE0001")).contains(first);
    }

    @Test
    void aCodeTakenInAnotherTenantIsRefused() {
        requests().record(received(TENANT_A, "CODE0001", 0));

        assertThat(requests().record(received(TENANT_B, "CODE0001", 1))).isFalse();

        assertThat(requests().find(TENANT_B, "CODE0001")).isEmpty();
    }

    @Test
    void findIsScopedByTenantAndMatchesTheCodeExactly() {
        requests().record(received(TENANT_A, "CODE0001", 0));

        assertThat(requests().find(TENANT_B, "CODE0001")).isEmpty();
        assertThat(requests().find(TENANT_A, "code0001")).isEmpty();
    }

    @Test
    void updateStatusChangesTheStatusAndUpdateTime() {
        requests().record(received(TENANT_A, "CODE0001", 0));

        var updated = requests().updateStatus(TENANT_A, "CODE0001", DeletionStatus.IN_PROGRESS, inSeconds(30));

        DeletionRequest expected = new DeletionRequest(TENANT_A, "app-user-1", "CODE0001",
                DeletionStatus.IN_PROGRESS, now(), inSeconds(30));
        assertThat(updated).contains(expected);
        assertThat(requests().find(TENANT_A, "CODE0001")).contains(expected);
    }

    @Test
    void updateStatusFindsNothingInAnotherTenant() {
        requests().record(received(TENANT_A, "CODE0001", 0));

        assertThat(requests().updateStatus(TENANT_B, "CODE0001", DeletionStatus.DONE, now())).isEmpty();

        assertThat(requests().find(TENANT_A, "CODE0001").orElseThrow().status()).isEqualTo(DeletionStatus.RECEIVED);
    }

    @Test
    void listPendingReturnsReceivedAndInProgressRequestsOldestFirst() {
        requests().record(received(TENANT_A, "CODE0003", 30));
        requests().record(received(TENANT_A, "CODE0001", 10));
        requests().record(received(TENANT_A, "CODE0002", 20));
        requests().record(received(TENANT_A, "CODE0004", 40));
        requests().updateStatus(TENANT_A, "CODE0002", DeletionStatus.IN_PROGRESS, inSeconds(50));
        requests().updateStatus(TENANT_A, "CODE0003", DeletionStatus.DONE, inSeconds(50));
        requests().updateStatus(TENANT_A, "CODE0004", DeletionStatus.FAILED, inSeconds(50));

        assertThat(requests().listPending(TENANT_A, 10)).extracting(DeletionRequest::confirmationCode)
                .containsExactly("CODE0001", "CODE0002");
    }

    @Test
    void listPendingReturnsNoMoreThanTheLimit() {
        requests().record(received(TENANT_A, "CODE0001", 10));
        requests().record(received(TENANT_A, "CODE0002", 20));

        assertThat(requests().listPending(TENANT_A, 1)).extracting(DeletionRequest::confirmationCode)
                .containsExactly("CODE0001");
    }

    @Test
    void listPendingSeesOnlyTheTenantsRequests() {
        requests().record(received(TENANT_A, "CODE0001", 10));
        requests().record(received(TENANT_B, "CODE0002", 20));

        assertThat(requests().listPending(TENANT_B, 10)).extracting(DeletionRequest::confirmationCode)
                .containsExactly("CODE0002");
    }

    @Test
    void replaceSubjectRenamesTheSubjectOfOneTenantsRequestsAndKeepsTheRest() {
        requests().record(received(TENANT_A, "CODE0001", 0));
        requests().record(received(TENANT_B, "CODE0002", 0));

        int changed = requests().replaceSubject(TENANT_A, "app-user-1", "erased:" + "a".repeat(64));

        assertThat(changed).isEqualTo(1);
        DeletionRequest stored = requests().find(TENANT_A, "CODE0001").orElseThrow();
        assertThat(stored.subject()).isEqualTo("erased:" + "a".repeat(64));
        assertThat(stored.status()).isEqualTo(DeletionStatus.RECEIVED);
        assertThat(requests().find(TENANT_B, "CODE0002").orElseThrow().subject()).isEqualTo("app-user-1");
    }

    @Test
    void listBySubjectReturnsEveryRequestOfThatSubjectInTheTenantOldestFirst() {
        requests().record(received(TENANT_A, "CODE0002", 20));
        requests().record(received(TENANT_A, "CODE0001", 10));
        requests().updateStatus(TENANT_A, "CODE0002", DeletionStatus.DONE, inSeconds(30));
        requests().record(new DeletionRequest(TENANT_A, "someone-else", "CODE0003", DeletionStatus.RECEIVED,
                inSeconds(5), inSeconds(5)));
        requests().record(received(TENANT_B, "CODE0004", 0));

        assertThat(requests().listBySubject(TENANT_A, "app-user-1")).extracting(DeletionRequest::confirmationCode)
                .containsExactly("CODE0001", "CODE0002");
        assertThat(requests().listBySubject(TENANT_A, "APP-USER-1")).isEmpty();
        assertThat(requests().listBySubject(TENANT_B, "someone-else")).isEmpty();
    }

    @Test
    void completeMarksTheRequestDoneWithItsCounts() {
        requests().record(received(TENANT_A, "CODE0001", 0));

        var done = requests().complete(TENANT_A, "CODE0001", Map.of("accounts", 2, "contacts", 0), inSeconds(40));

        DeletionRequest expected = new DeletionRequest(TENANT_A, "app-user-1", "CODE0001", DeletionStatus.DONE, now(),
                inSeconds(40), Map.of("accounts", 2, "contacts", 0));
        assertThat(done).contains(expected);
        assertThat(requests().find(TENANT_A, "CODE0001")).contains(expected);
        assertThat(requests().listPending(TENANT_A, 10)).isEmpty();
        assertThat(requests().complete(TENANT_B, "CODE0001", Map.of(), inSeconds(50))).isEmpty();
    }

    @Test
    void pendingTenantsNamesEachTenantWithAPendingRequestOnce() {
        requests().record(received(TENANT_A, "CODE0001", 0));
        requests().record(received(TENANT_A, "CODE0002", 1));
        requests().record(received(TENANT_B, "CODE0003", 2));
        requests().complete(TENANT_B, "CODE0003", Map.of(), inSeconds(3));

        assertThat(requests().pendingTenants()).containsExactly(TENANT_A);
    }
}
