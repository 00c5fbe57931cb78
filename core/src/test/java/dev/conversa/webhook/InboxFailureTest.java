package dev.conversa.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.testsupport.FailingInbox;
import org.junit.jupiter.api.Test;

class InboxFailureTest {

    private final IntakeFixture fixture = new IntakeFixture();
    private final FailingInbox inbox = new FailingInbox(fixture.stores.inbox());
    private final WebhookHandler handler = fixture.builder().inbox(inbox).build();

    @Test
    void answers500WhenTheInboxCannotStoreTheEvents() {
        inbox.failAppends(true);

        WebhookResponse response = handler.handle(IntakeFixture.signedMessage("m1"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(fixture.appended).isEmpty();
    }

    @Test
    void storesRedeliveryAfterTheInboxRecovered() {
        // given
        inbox.failAppends(true);
        handler.handle(IntakeFixture.signedMessage("m1"));
        inbox.failAppends(false);

        // when
        WebhookResponse response = handler.handle(IntakeFixture.signedMessage("m1"));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.stored()).isEqualTo(1);
    }
}
