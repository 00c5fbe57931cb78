package dev.conversa.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ad, post, shop or link that brought the customer.
 *
 * @param source the channel's name of the source ({@code "ad"}, {@code "post"}, {@code "ADS"},
 *     {@code "SHORTLINK"}, ...)
 * @param ref the parameter of an m.me or ig.me link, when any
 * @param sourceId the ad's or post's id, when any
 * @param sourceUrl the ad's or post's URL, when any
 * @param headline the ad's headline, when any
 * @param body the ad's text, when any
 * @param details every other field the channel sent, by name ({@code ctwa_clid},
 *     {@code media_type}, {@code image_url}, ...)
 */
public record ReferralInfo(
        String source, Optional<String> ref, Optional<String> sourceId, Optional<String> sourceUrl,
        Optional<String> headline, Optional<String> body, Map<String, String> details) {

    /** Checks the fields and copies the map. */
    public ReferralInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        details = Map.copyOf(details);
    }
}
