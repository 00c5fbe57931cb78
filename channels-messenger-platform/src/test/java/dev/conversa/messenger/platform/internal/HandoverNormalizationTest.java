package dev.conversa.messenger.platform.internal;

import static dev.conversa.messenger.platform.internal.Fixtures.AT;
import static dev.conversa.messenger.platform.internal.Fixtures.PSID;
import static dev.conversa.messenger.platform.internal.Fixtures.events;
import static dev.conversa.messenger.platform.internal.Fixtures.header;
import static dev.conversa.messenger.platform.internal.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoverNormalizationTest {

    private static final long MS = AT.toEpochMilli();
    private static final String BOT_APP = "1517776481860111";
    private static final String INBOX_APP = "263902037430900";

    @Test
    void readsPassThreadControl() {
        assertThat(single("pass_thread_control")).isEqualTo(new Handover(
                header("pass_thread_control:" + PSID + ":" + MS + ":" + INBOX_APP), Handover.Action.PASS,
                Optional.of(BOT_APP), Optional.of(INBOX_APP), Optional.of("customer asked for a person")));
    }

    @Test
    void readsTakeThreadControl() {
        assertThat(single("take_thread_control")).isEqualTo(new Handover(
                header("take_thread_control:" + PSID + ":" + MS + ":" + BOT_APP), Handover.Action.TAKE,
                Optional.of(INBOX_APP), Optional.of(BOT_APP), Optional.of("agent closed")));
    }

    @Test
    void readsRequestThreadControlWithNumericAppId() {
        assertThat(single("request_thread_control")).isEqualTo(new Handover(
                header("request_thread_control:" + PSID + ":" + MS + ":" + INBOX_APP), Handover.Action.REQUEST,
                Optional.empty(), Optional.of(INBOX_APP), Optional.of("agent wants the thread")));
    }

    @Test
    void readsAppRolesWithTheRoleMapAsMetadata() {
        Handover handover = (Handover) single("app_roles");

        assertThat(handover.action()).isEqualTo(Handover.Action.ROLES_CHANGED);
        assertThat(handover.header().accountId()).isEqualTo(Fixtures.PAGE);
        assertThat(handover.header().contactId()).isEqualTo(Fixtures.PAGE);
        assertThat(handover.header().externalId()).startsWith("app_roles:" + Fixtures.PAGE + ":" + MS + ":");
        assertThat(handover.previousOwnerAppId()).isEmpty();
        assertThat(handover.newOwnerAppId()).isEmpty();
        assertThat(handover.metadata()).contains(
                "{\"" + BOT_APP + "\":[\"primary_receiver\"],\"" + INBOX_APP + "\":[\"secondary_receiver\"]}");
    }

    @Test
    void recordsStandbyMessageAsStandbyHandoverFollowedByTheMessageItself() {
        List<InboundEvent> events = events("standby");

        assertThat(events).hasSize(2);
        Handover handover = (Handover) events.get(0);
        assertThat(handover.header()).isEqualTo(
                new EventHeader(ChannelType.MESSENGER, Fixtures.PAGE, PSID, "standby:m_standby_1", AT));
        assertThat(handover.action()).isEqualTo(Handover.Action.STANDBY);
        assertThat(handover.previousOwnerAppId()).isEmpty();
        assertThat(handover.newOwnerAppId()).isEmpty();
        assertThat(handover.metadata()).hasValueSatisfying(raw -> assertThat(raw).contains("Thanks Ana!"));
        assertThat(events.get(1)).isEqualTo(new InboundMessage(
                new EventHeader(ChannelType.MESSENGER, Fixtures.PAGE, PSID, "m_standby_1", AT), new Text("Thanks Ana!"),
                MessageContext.NONE, SenderProfile.UNKNOWN));
    }
}
