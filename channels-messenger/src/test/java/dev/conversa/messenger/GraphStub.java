package dev.conversa.messenger;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.testsupport.LoopbackWireMock;
import java.time.Duration;

/** The real Graph client pointed at a WireMock server on 127.0.0.1, without waiting between tries. */
final class GraphStub {

    static final String PAGE_ID = "106372929211384";
    static final String PSID = "6811512345678901";
    static final String TOKEN = "EAAG-page-token-never-logged";
    static final ChannelAccount PAGE = ChannelAccount.of(TenantId.of("acme"), ChannelType.MESSENGER, PAGE_ID,
            Secret.of(TOKEN));

    private GraphStub() {}

    static GraphClient client(LoopbackWireMock wm) {
        return GraphClient.builder()
                .baseUrl(wm.baseUri())
                .apiVersion("v23.0")
                .maxAttempts(2)
                .sleeper(duration -> { })
                .initialBackoff(Duration.ofMillis(1))
                .build();
    }

    static String graphError(int code, Integer subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbC123\"}}";
    }
}
