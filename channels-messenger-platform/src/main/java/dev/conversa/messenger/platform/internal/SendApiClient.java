package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.SendResult;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MultipartPart;
import dev.conversa.internal.json.LenientJson;
import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts rendered Send API bodies and uploads attachments through the {@link GraphClient}.
 *
 * <p><b>Internal:</b> shared with the Instagram channel. Stateless and thread-safe.
 */
public final class SendApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(SendApiClient.class);

    private SendApiClient() {}

    /**
     * Posts the bodies in order and returns the ids of the messages Meta accepted, one per
     * message part, so that the status and echo of every part is matched.
     *
     * @param bodies the rendered bodies
     * @param path the messages path, such as {@code /{page-id}/messages}
     * @param token the access token
     * @param graph the client
     * @return the message ids, or a marker result when only sender actions were sent
     * @throws GraphApiException if Meta refused a request, keeping every field of the failure;
     *     when earlier requests of the same message were already sent, or Meta accepted a
     *     message without returning its id, the outcome is unknown (and it is not retryable), so
     *     that nothing is sent twice
     */
    public static SendResult send(List<String> bodies, String path, Secret token, GraphClient graph) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            GraphResponse response = post(bodies, i, path, token, graph);
            Optional<String> id = field(response, "message_id");
            if (id.isPresent()) {
                ids.add(id.get());
            } else if (bodies.get(i).contains("\"message\":")) {
                throw GraphApiException.builder("the Send API accepted part " + (i + 1) + " of " + bodies.size()
                                + " without a message_id; it may have sent it, so it is not repeated")
                        .httpStatus(response.status()).outcomeUnknown(true).build();
            }
        }
        return ids.isEmpty() ? SendResult.marker() : SendResult.sent(ids);
    }

    private static GraphResponse post(List<String> bodies, int index, String path, Secret token, GraphClient graph) {
        try {
            return graph.execute(GraphRequest.postJson(path, bodies.get(index)), token);
        } catch (GraphApiException e) {
            if (index == 0) {
                throw e;
            }
            LOG.debug("Part {} of {} failed after the earlier parts were sent", index + 1, bodies.size());
            throw e.toBuilder()
                    .message("request " + (index + 1) + " of " + bodies.size() + " failed after the earlier ones were "
                            + "sent, so the message is not resent: " + e.getMessage())
                    .retryable(false)
                    .outcomeUnknown(true)
                    .build();
        }
    }

    /**
     * Uploads media from a URL for reuse, with {@code POST /{page-id}/message_attachments}.
     *
     * @param path the attachments path, such as {@code /{page-id}/message_attachments}
     * @param media the media, by URL
     * @param token the access token
     * @param graph the client
     * @return the attachment id to send with
     * @throws IllegalArgumentException if the media has no URL
     * @throws dev.conversa.graph.GraphApiException if Meta refused the upload
     */
    public static String uploadFromUrl(String path, Media media, Secret token, GraphClient graph) {
        String url = media.url().orElseThrow(() -> new IllegalArgumentException("the media to upload needs a URL"));
        ObjectNode body = MessageParts.JSON.createObjectNode();
        body.putObject("message").putObject("attachment").put("type", MessageParts.attachmentType(media.mediaKind()))
                .putObject("payload").put("url", url).put("is_reusable", true);
        return attachmentId(graph.execute(GraphRequest.postJson(path, body.toString()), token));
    }

    /**
     * Uploads media bytes for reuse, as multipart {@code message} and {@code filedata} fields.
     *
     * @param path the attachments path
     * @param media the media's kind, file name and MIME type (its id and URL are ignored)
     * @param bytes the file's bytes
     * @param token the access token
     * @param graph the client
     * @return the attachment id to send with
     * @throws dev.conversa.graph.GraphApiException if Meta refused the upload
     */
    public static String uploadBytes(String path, Media media, byte[] bytes, Secret token, GraphClient graph) {
        ObjectNode message = MessageParts.JSON.createObjectNode();
        message.putObject("attachment").put("type", MessageParts.attachmentType(media.mediaKind()))
                .putObject("payload").put("is_reusable", true);
        List<MultipartPart> parts = List.of(MultipartPart.field("message", message.toString()),
                MultipartPart.file("filedata", media.filename().orElse("upload"),
                        media.mimeType().orElse("application/octet-stream"), bytes));
        return attachmentId(graph.execute(GraphRequest.multipart(path, parts), token));
    }

    private static String attachmentId(GraphResponse response) {
        return field(response, "attachment_id")
                .orElseThrow(() -> new ConversaException("the attachment upload answered without an attachment_id"));
    }

    private static Optional<String> field(GraphResponse response, String name) {
        try {
            JsonNode node = MessageParts.JSON.readTree(response.body());
            return LenientJson.nonEmpty(node, name);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
