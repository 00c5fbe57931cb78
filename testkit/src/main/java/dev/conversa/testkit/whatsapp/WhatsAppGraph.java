package dev.conversa.testkit.whatsapp;

import dev.conversa.testkit.GraphStandIn;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Teaches a {@link GraphStandIn} the WhatsApp media endpoints and WhatsApp's send errors. The
 * stand-in already answers {@code POST /{version}/{phone-number-id}/messages} with a fresh
 * {@code wamid}; these helpers add the rest.
 *
 * <pre>{@code
 * try (GraphStandIn graph = GraphStandIn.start()) {
 *     WhatsAppGraph.pairRateLimitNext(graph);
 *     WhatsAppGraph.acceptUploads(graph, "106540352242922", "998877");
 *     ...
 * }
 * }</pre>
 */
public final class WhatsAppGraph {

    private static final String VERSION = "/v\\d+\\.\\d+/";

    private WhatsAppGraph() {}

    /**
     * Answers media uploads of a phone number ({@code POST /{phone-number-id}/media}) with a
     * media id.
     *
     * @param graph the stand-in
     * @param phoneNumberId the business phone number id
     * @param mediaId the id to answer
     * @return the stand-in
     */
    public static GraphStandIn acceptUploads(GraphStandIn graph, String phoneNumberId, String mediaId) {
        return graph.answer("POST", VERSION + Pattern.quote(phoneNumberId) + "/media", 200,
                "{\"id\":\"" + Objects.requireNonNull(mediaId, "mediaId") + "\"}");
    }

    /**
     * Answers the media lookup ({@code GET /{media-id}}) with the download URL and facts of one
     * media, as WhatsApp does.
     *
     * @param graph the stand-in
     * @param mediaId the media id
     * @param url the download URL to answer (Meta answers a fresh one each time)
     * @param mimeType the media's MIME type
     * @param fileSize its size in bytes
     * @return the stand-in
     */
    public static GraphStandIn mediaLookup(
            GraphStandIn graph, String mediaId, String url, String mimeType, long fileSize) {
        return graph.answer("GET", VERSION + Pattern.quote(mediaId), 200,
                "{\"messaging_product\":\"whatsapp\",\"url\":\"" + url + "\",\"mime_type\":\"" + mimeType
                        + "\",\"sha256\":\"0f1e2d3c\",\"file_size\":" + fileSize + ",\"id\":\"" + mediaId + "\"}");
    }

    /**
     * Fails the next request with the pair rate limit: 131056, retryable for that recipient later.
     *
     * @param graph the stand-in
     * @return the stand-in
     */
    public static GraphStandIn pairRateLimitNext(GraphStandIn graph) {
        return graph.failNext(400, 131056, null, "(#131056) (Business Account, Consumer Account) pair rate limit hit");
    }

    /**
     * Fails the next request as undeliverable: 131026, not retryable.
     *
     * @param graph the stand-in
     * @return the stand-in
     */
    public static GraphStandIn undeliverableNext(GraphStandIn graph) {
        return graph.failNext(400, 131026, null, "(#131026) Message undeliverable");
    }

    /**
     * Fails the next request with the spam rate limit: 131048, not retryable.
     *
     * @param graph the stand-in
     * @return the stand-in
     */
    public static GraphStandIn spamRateLimitNext(GraphStandIn graph) {
        return graph.failNext(400, 131048, null, "(#131048) Spam rate limit hit");
    }

    /**
     * Fails the next request with an invalid parameter: 100, not retryable.
     *
     * @param graph the stand-in
     * @return the stand-in
     */
    public static GraphStandIn invalidParameterNext(GraphStandIn graph) {
        return graph.failNext(400, 100, null, "(#100) Invalid parameter");
    }
}
