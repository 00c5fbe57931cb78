package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.ReferralInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code referral} object (m.me and ig.me links, ads, shops, the chat plugin) into
 * {@link ReferralInfo}. The ad's id is the source id; its title and the post or product ids go
 * into the details.
 */
final class ReferralParser {

    private ReferralParser() {}

    static Optional<ReferralInfo> referral(JsonNode referral) {
        if (!referral.isObject()) {
            return Optional.empty();
        }
        JsonNode ads = referral.path("ads_context_data");
        Map<String, String> details = new LinkedHashMap<>();
        LenientJson.nonEmpty(referral, "type").ifPresent(v -> details.put("type", v));
        LenientJson.nonEmpty(referral, "referer_uri").ifPresent(v -> details.put("referer_uri", v));
        LenientJson.nonEmpty(referral.path("product"), "id").ifPresent(v -> details.put("product_id", v));
        for (String field : new String[] {"photo_url", "video_url", "post_id", "product_id", "flow_id"}) {
            LenientJson.nonEmpty(ads, field).ifPresent(v -> details.put("ad." + field, v));
        }
        return Optional.of(new ReferralInfo(
                LenientJson.nonEmpty(referral, "source").orElse("UNKNOWN"),
                LenientJson.nonEmpty(referral, "ref"),
                LenientJson.nonEmpty(referral, "ad_id"),
                LenientJson.nonEmpty(referral, "source_url"),
                LenientJson.nonEmpty(ads, "ad_title"),
                Optional.empty(),
                details));
    }
}
