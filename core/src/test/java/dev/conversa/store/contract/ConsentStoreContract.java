package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.ConsentStore;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConsentStore}: latest change by time wins, per tenant, channel and person. */
public abstract class ConsentStoreContract extends StoreContract {

    private static final String PERSON = "15551234567";
    private static final String MARKETING = "marketing_messages";

    private ConsentStore consents() {
        return stores.consents();
    }

    private ConsentRecord change(TenantId tenant, String topic, boolean optedIn, long second) {
        return new ConsentRecord(tenant, ChannelType.WHATSAPP, PERSON, topic, optedIn, inSeconds(second),
                ConsentRecord.SOURCE_CHANNEL);
    }

    @Test
    void latestReturnsTheRecordedChange() {
        ConsentRecord optOut = change(TENANT_A, MARKETING, false, 0);

        consents().record(optOut);

        assertThat(consents().latest(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).contains(optOut);
    }

    @Test
    void latestIsTheChangeWithTheLatestTimeWhateverTheRecordingOrder() {
        ConsentRecord newer = change(TENANT_A, MARKETING, true, 60);
        consents().record(newer);

        consents().record(change(TENANT_A, MARKETING, false, 10));

        assertThat(consents().latest(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).contains(newer);
    }

    @Test
    void recordingTheSameChangeAgainKeepsOne() {
        consents().record(change(TENANT_A, MARKETING, false, 0));

        consents().record(change(TENANT_A, MARKETING, false, 0));

        assertThat(consents().list(TENANT_A, ChannelType.WHATSAPP, PERSON)).hasSize(1);
    }

    @Test
    void aChangeAtTheSameTimeForTheSameTopicReplacesTheStoredOne() {
        consents().record(change(TENANT_A, MARKETING, false, 0));
        ConsentRecord correction = new ConsentRecord(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING, true,
                now(), ConsentRecord.SOURCE_HOST);

        consents().record(correction);

        assertThat(consents().list(TENANT_A, ChannelType.WHATSAPP, PERSON)).containsExactly(correction);
    }

    @Test
    void latestIsEmptyForATopicNeverChanged() {
        consents().record(change(TENANT_A, ConsentRecord.ALL, false, 0));

        assertThat(consents().latest(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).isEmpty();
    }

    @Test
    void listReturnsEveryChangeOfThePersonOldestFirst() {
        ConsentRecord second = change(TENANT_A, ConsentRecord.ALL, false, 20);
        ConsentRecord first = change(TENANT_A, MARKETING, false, 10);
        ConsentRecord third = change(TENANT_A, MARKETING, true, 30);
        consents().record(second);
        consents().record(third);
        consents().record(first);

        assertThat(consents().list(TENANT_A, ChannelType.WHATSAPP, PERSON)).containsExactly(first, second, third);
    }

    @Test
    void aTenantSeesOnlyItsOwnChanges() {
        consents().record(change(TENANT_A, MARKETING, false, 0));

        assertThat(consents().latest(TENANT_B, ChannelType.WHATSAPP, PERSON, MARKETING)).isEmpty();
        assertThat(consents().list(TENANT_B, ChannelType.WHATSAPP, PERSON)).isEmpty();
        assertThat(consents().isOptedOut(TENANT_B, ChannelType.WHATSAPP, PERSON, MARKETING)).isFalse();
    }

    @Test
    void changesAreKeptPerChannel() {
        consents().record(change(TENANT_A, MARKETING, false, 0));

        assertThat(consents().latest(TENANT_A, ChannelType.MESSENGER, PERSON, MARKETING)).isEmpty();
    }

    @Test
    void isOptedOutFollowsTheLatestChangeOfTheTopic() {
        consents().record(change(TENANT_A, MARKETING, false, 0));
        assertThat(consents().isOptedOut(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).isTrue();

        consents().record(change(TENANT_A, MARKETING, true, 5));

        assertThat(consents().isOptedOut(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).isFalse();
    }

    @Test
    void anOptOutOfEverythingCoversEveryTopicUntilALaterOptIn() {
        consents().record(change(TENANT_A, MARKETING, true, 0));
        consents().record(change(TENANT_A, ConsentRecord.ALL, false, 10));
        assertThat(consents().isOptedOut(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).isTrue();

        consents().record(change(TENANT_A, MARKETING, true, 20));

        assertThat(consents().isOptedOut(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).isFalse();
        assertThat(consents().isOptedOut(TENANT_A, ChannelType.WHATSAPP, PERSON, "other")).isTrue();
    }

    @Test
    void nobodyIsOptedOutWithoutAChange() {
        assertThat(consents().isOptedOut(TENANT_A, ChannelType.WHATSAPP, PERSON, MARKETING)).isFalse();
    }

    @Test
    void deleteRemovesEveryChangeOfThePersonInItsTenantOnly() {
        consents().record(change(TENANT_A, MARKETING, false, 0));
        consents().record(change(TENANT_A, ConsentRecord.ALL, false, 1));
        consents().record(change(TENANT_B, MARKETING, false, 0));

        assertThat(consents().delete(TENANT_A, ChannelType.WHATSAPP, PERSON)).isEqualTo(2);

        assertThat(consents().list(TENANT_A, ChannelType.WHATSAPP, PERSON)).isEmpty();
        assertThat(consents().list(TENANT_B, ChannelType.WHATSAPP, PERSON)).hasSize(1);
        assertThat(consents().delete(TENANT_A, ChannelType.WHATSAPP, PERSON)).isZero();
    }
}
