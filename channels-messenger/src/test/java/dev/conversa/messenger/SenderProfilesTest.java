package dev.conversa.messenger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.ErasedPerson;
import dev.conversa.testsupport.LoopbackWireMock;
import dev.conversa.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SenderProfilesTest {

    @RegisterExtension
    static LoopbackWireMock wm = new LoopbackWireMock();

    private static final String PROFILE = "/v23.0/" + GraphStub.PSID;
    private static final ChannelAccount INSTAGRAM = ChannelAccount.of(TenantId.of("acme"), ChannelType.INSTAGRAM,
            "178414", Secret.of("page-token"));

    private final MutableClock clock = MutableClock.at("2026-11-23T12:00:00Z");
    private final SenderProfiles profiles = SenderProfiles.builder().graph(GraphStub.client(wm)).clock(clock)
            .timeToLive(Duration.ofHours(1)).build();

    @Test
    void looksUpAMessengerNameWithThePageToken() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson(
                "{\"first_name\":\"Ana\",\"last_name\":\"Silva\",\"id\":\"" + GraphStub.PSID + "\"}")));

        SenderProfile profile = profiles.lookup(GraphStub.PAGE, GraphStub.PSID);

        assertThat(profile).isEqualTo(new SenderProfile(Optional.of("Ana Silva"), Optional.empty(), Optional.empty()));
        wm.verify(getRequestedFor(urlPathEqualTo(PROFILE))
                .withQueryParam("fields", equalTo("name,first_name,last_name"))
                .withHeader("Authorization", equalTo("Bearer " + GraphStub.TOKEN)));
    }

    @Test
    void looksUpAnInstagramNameAndUsername() {
        wm.stubFor(get(urlPathEqualTo("/v23.0/1293847561029384")).withQueryParam("fields", equalTo("name,username"))
                .willReturn(okJson("{\"name\":\"Rita\",\"username\":\"rita.styles\"}")));

        assertThat(profiles.lookup(INSTAGRAM, "1293847561029384")).isEqualTo(
                new SenderProfile(Optional.of("Rita"), Optional.of("rita.styles"), Optional.empty()));
    }

    @Test
    void servesARepeatedLookupFromTheCache() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"name\":\"Ana Silva\"}")));

        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);
        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);

        wm.verify(1, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void anErasureOfThePersonEmptiesTheirCachedProfileAndNoOneElses() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"name\":\"Ana Silva\"}")));
        wm.stubFor(get(urlPathEqualTo("/v23.0/other-psid")).willReturn(okJson("{\"name\":\"Bruno\"}")));
        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);
        profiles.lookup(GraphStub.PAGE, "other-psid");

        profiles.erased(new ErasedPerson(GraphStub.PAGE.tenant(), "0".repeat(64),
                Map.of(ChannelType.MESSENGER, Set.of(GraphStub.PSID)), Set.of(), Set.of()));
        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);
        profiles.lookup(GraphStub.PAGE, "other-psid");

        wm.verify(2, getRequestedFor(urlPathEqualTo(PROFILE)));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v23.0/other-psid")));
    }

    @Test
    void looksUpAgainAfterTheTimeToLive() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"name\":\"Ana Silva\"}")));

        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);
        clock.advance(Duration.ofMinutes(61));
        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);

        wm.verify(2, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void answersUnknownWithoutThrowingWhenMetaRefuses() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(2018218, null, "Profile not available"))));

        assertThat(profiles.lookup(GraphStub.PAGE, GraphStub.PSID)).isEqualTo(SenderProfile.UNKNOWN);
    }

    @Test
    void doesNotCacheAFailedLookup() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(GraphStub.graphError(100, null, "consent required"))));

        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);
        profiles.lookup(GraphStub.PAGE, GraphStub.PSID);

        wm.verify(2, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void refusesToBuildWithoutAGraphClient() {
        assertThatThrownBy(() -> SenderProfiles.builder().clock(clock).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("graph is required");
    }

    @Test
    void refusesToBuildWithATimeToLiveThatIsNotPositive() {
        assertThatThrownBy(() -> SenderProfiles.builder().graph(GraphStub.client(wm)).timeToLive(Duration.ZERO).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("timeToLive must be positive");
    }

    @Test
    void refusesToBuildWithAMaximumSizeThatIsNotPositive() {
        assertThatThrownBy(() -> SenderProfiles.builder().graph(GraphStub.client(wm)).maximumSize(0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("maximumSize must be positive");
    }

    @Test
    void toBuilderKeepsTheGraphClientAndTheInstagramLoginHost() {
        // given
        wm.stubFor(get(urlPathEqualTo("/ig/v23.0/1293847561029384")).willReturn(okJson("{\"name\":\"Rita\"}")));
        ChannelAccount login = new ChannelAccount(TenantId.of("acme"), ChannelType.INSTAGRAM, "178414",
                Secret.of("ig-token"), Map.of(PageConnector.INSTAGRAM_LOGIN_SETTING, "true"));
        SenderProfiles original = SenderProfiles.builder().graph(GraphStub.client(wm))
                .instagramLoginBaseUrl(URI.create(wm.baseUri() + "/ig")).build();

        // when
        SenderProfile profile = original.toBuilder().build().lookup(login, "1293847561029384");

        // then
        assertThat(profile.name()).contains("Rita");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/ig/v23.0/1293847561029384"))
                .withHeader("Authorization", equalTo("Bearer ig-token")));
    }

    @Test
    void toBuilderKeepsTheTimeToLiveAndTheClock() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"name\":\"Ana Silva\"}")));
        SenderProfiles copy = profiles.toBuilder().build();

        copy.lookup(GraphStub.PAGE, GraphStub.PSID);
        clock.advance(Duration.ofMinutes(59));
        copy.lookup(GraphStub.PAGE, GraphStub.PSID);
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROFILE)));
        clock.advance(Duration.ofMinutes(2));
        copy.lookup(GraphStub.PAGE, GraphStub.PSID);

        wm.verify(2, getRequestedFor(urlPathEqualTo(PROFILE)));
    }

    @Test
    void toBuilderKeepsTheMaximumSize() {
        // given
        wm.stubFor(get(urlPathMatching("/v23.0/[0-9]+")).willReturn(okJson("{\"name\":\"Ana Silva\"}")));
        SenderProfiles copy = profiles.toBuilder().maximumSize(1).build().toBuilder().build();

        // when
        for (int round = 0; round < 2; round++) {
            copy.lookup(GraphStub.PAGE, GraphStub.PSID);
            copy.lookup(GraphStub.PAGE, "6811512345678902");
        }

        // then: two people do not fit in a cache of one, so a second round asks again
        assertThat(wm.findAll(getRequestedFor(urlPathMatching("/v23.0/[0-9]+")))).hasSizeGreaterThan(2);
    }
}
