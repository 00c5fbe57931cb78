package dev.conversa.messenger;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.contract.ChannelAdapterContract;
import dev.conversa.testkit.messenger.MessengerWebhook;

class MessengerChannelContractTest extends ChannelAdapterContract {

    private static final String PAGE_ID = "106372929211384";
    private static final String PSID = "6811512345678901";

    @Override
    protected ChannelAdapter adapter() {
        return MessengerChannel.create();
    }

    @Override
    protected String sampleTextPayload() {
        return MessengerWebhook.page(PAGE_ID).text(PSID, "m_contract1", "Is the shop open on Sunday?").json();
    }

    @Override
    protected String unknownShapePayload() {
        return MessengerWebhook.page(PAGE_ID)
                .custom(PSID, "messaging_game_plays", "{\"game_id\":\"123\",\"score\":42}")
                .json();
    }

    @Override
    protected String accountId() {
        return PAGE_ID;
    }
}
