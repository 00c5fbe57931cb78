package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.CHANNEL;
import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.EventHeader;
import dev.conversa.model.OptIn;
import dev.conversa.respond.Reply;
import dev.conversa.store.ConsentRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RECORD step keeps every consent change a channel reports in the consent store. */
class ConsentRecordingTest {

    private static final String MARKETING = "marketing_messages";

    private final PipelineFixture fixture = new PipelineFixture();
    private final Pipeline pipeline = fixture.builder().responder(request -> Reply.silence()).build();

    private OptIn optIn(String id, boolean optedIn, Instant at) {
        EventHeader header = new EventHeader(CHANNEL, KEY.accountId(), KEY.contactId(), id, at);
        return new OptIn(header, MARKETING, optedIn, Map.of("reason", "user request"));
    }

    @Test
    void recordsAChannelOptOutWithTheChannelsTimeAndSource() throws Exception {
        Instant reported = fixture.clock.instant().minusSeconds(30);

        fixture.process(pipeline, optIn("o1", false, reported));

        assertThat(fixture.stores.consents().latest(TENANT, CHANNEL, KEY.contactId(), MARKETING)).contains(
                new ConsentRecord(TENANT, CHANNEL, KEY.contactId(), MARKETING, false, reported,
                        ConsentRecord.SOURCE_CHANNEL));
        assertThat(fixture.stores.consents().isOptedOut(TENANT, CHANNEL, KEY.contactId(), MARKETING)).isTrue();
    }

    @Test
    void aLaterOptInLiftsTheOptOut() throws Exception {
        fixture.process(pipeline, optIn("o1", false, fixture.clock.instant()));
        fixture.clock.advance(Duration.ofMinutes(5));

        fixture.process(pipeline, optIn("o2", true, fixture.clock.instant()));

        assertThat(fixture.stores.consents().isOptedOut(TENANT, CHANNEL, KEY.contactId(), MARKETING)).isFalse();
        assertThat(fixture.stores.consents().list(TENANT, CHANNEL, KEY.contactId())).hasSize(2);
    }

    @Test
    void anOptOutDeliveredLateDoesNotOverrideANewerOptIn() throws Exception {
        Instant earlier = fixture.clock.instant().minusSeconds(600);
        fixture.process(pipeline, optIn("o2", true, fixture.clock.instant()));

        fixture.process(pipeline, optIn("o1", false, earlier));

        assertThat(fixture.stores.consents().isOptedOut(TENANT, CHANNEL, KEY.contactId(), MARKETING)).isFalse();
    }

    @Test
    void stillAuditsTheConsentChangeWithoutPersonalData() throws Exception {
        fixture.process(pipeline, optIn("o1", false, fixture.clock.instant()));

        assertThat(fixture.stores.audit().list(TENANT, 10)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("channel_consent");
            assertThat(event.details()).containsEntry("topic", MARKETING).containsEntry("optedIn", "false")
                    .doesNotContainValue(KEY.contactId());
        });
    }
}
