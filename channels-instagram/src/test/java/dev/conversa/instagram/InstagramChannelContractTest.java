package dev.conversa.instagram;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.contract.ChannelAdapterContract;
import dev.conversa.testkit.instagram.InstagramWebhook;

class InstagramChannelContractTest extends ChannelAdapterContract {

    private static final String ACCOUNT_ID = "17841405822304914";
    private static final String IGSID = "1293847561029384";

    @Override
    protected ChannelAdapter adapter() {
        return InstagramChannel.create();
    }

    @Override
    protected String sampleTextPayload() {
        return InstagramWebhook.account(ACCOUNT_ID).text(IGSID, "aWdfY29udHJhY3Qx", "Is this available in blue?").json();
    }

    @Override
    protected String unknownShapePayload() {
        return InstagramWebhook.account(ACCOUNT_ID)
                .custom(IGSID, "messaging_game_plays", "{\"game_id\":\"123\",\"score\":42}")
                .json();
    }

    @Override
    protected String accountId() {
        return ACCOUNT_ID;
    }
}
