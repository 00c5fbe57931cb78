package dev.conversa.messenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.messenger.MessengerGraphEndpoints;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test kit's Graph stand-in, taught the Messenger endpoints, serves the real Messenger calls. */
class GraphStandInEndpointsTest {

    private final GraphStandIn standIn = MessengerGraphEndpoints.of(GraphStandIn.start())
            .page("1063", "Acme Shoes", "pt-1", "178414").profile("Ana Silva", "ana.s").install();
    private final GraphClient graph = GraphClient.builder().baseUrl(standIn.baseUrl()).maxAttempts(1).build();
    private final ChannelAccount page = ChannelAccount.of(TenantId.of("acme"), ChannelType.MESSENGER, "1063",
            Secret.of("pt-1"));

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void listsAndConnectsThePage() {
        PageConnector connector = PageConnector.builder().graph(graph).build();

        List<ManagedPage> pages = connector.listPages(Secret.of("user-token"));
        ChannelAccount account = connector.connect(TenantId.of("acme"), pages.get(0));

        assertThat(pages).containsExactly(new ManagedPage("1063", "Acme Shoes", Secret.of("pt-1"),
                List.of("MESSAGING", "MANAGE"), Optional.of(new InstagramAccount("178414", Optional.empty()))));
        assertThat(account).isEqualTo(page);
        assertThat(connector.findInstagramAccount("1063", Secret.of("pt-1")))
                .contains(new InstagramAccount("178414", Optional.empty()));
    }

    @Test
    void answersProfilesAndHandover() {
        SenderProfiles profiles = SenderProfiles.builder().graph(graph).build();
        ThreadControl handover = ThreadControl.builder().graph(graph).build();

        assertThat(profiles.lookup(page, "6811")).isEqualTo(
                new SenderProfile(Optional.of("Ana Silva"), Optional.empty(), Optional.empty()));
        assertThat(handover.passThreadControl(page, "6811", "")).isTrue();
        assertThat(handover.takeThreadControl(page, "6811", "")).isTrue();
    }

    @Test
    void failsWithTheStandInsExpiredTokenError() {
        standIn.expiredTokenNext();
        PageConnector connector = PageConnector.builder().graph(graph).build();

        assertThatThrownBy(() -> connector.listPages(Secret.of("user-token")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.code()).hasValue(190));
    }
}
