package dev.conversa.whatsapp;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.graph.GraphResponse;
import dev.conversa.graph.MediaDownload;
import dev.conversa.graph.MultipartPart;
import dev.conversa.lang.ConversaException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads media to WhatsApp and downloads customers' media from it.
 *
 * <p>Download asks {@code GET /{media-id}} for a fresh URL every time (WhatsApp's media URLs
 * expire after five minutes), then fetches it with the account's token through
 * {@link GraphClient#download}, which sends the token only to https URLs on Meta's media hosts.
 * The size is capped before and during the download, and the MIME type must be one WhatsApp
 * supports (or one configured).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * WhatsAppMedia media = WhatsAppMedia.builder().graph(graph).maxBytes(16 * 1024 * 1024).build();
 * MediaDownload photo = media.download(account, inboundMedia.mediaId().orElseThrow());
 * String id = media.upload(account, pdfBytes, "application/pdf", "invoice.pdf");
 * }</pre>
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media">Media API</a>
 */
public final class WhatsAppMedia {

    /** The MIME types WhatsApp accepts for media messages. */
    public static final Set<String> SUPPORTED_TYPES = Set.of(
            "audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg",
            "image/jpeg", "image/png", "image/webp",
            "video/mp4", "video/3gpp",
            "text/plain", "application/pdf", "application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphClient graph;
    private final long maxBytes;
    private final Set<String> types;

    private WhatsAppMedia(Builder builder) {
        this.graph = builder.graph;
        this.maxBytes = builder.maxBytes;
        this.types = builder.types;
    }

    /**
     * Starts configuring media; {@code graph} is required.
     *
     * @return the builder, with a 100 MiB cap and {@link #SUPPORTED_TYPES}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this instance's Graph client, cap and allowed types, to build one that
     * differs in some of them; this instance is left as it is.
     *
     * @return a new builder with this instance's settings
     */
    public Builder toBuilder() {
        return new Builder().graph(graph).maxBytes(maxBytes).allowedTypes(types);
    }

    /**
     * Uploads media for the account's phone number; the id stays valid for 30 days.
     *
     * @param account the WhatsApp account (phone number id and token)
     * @param content the bytes
     * @param mimeType their MIME type
     * @param filename the file name to store
     * @return the media id, to send with {@code Media.byId}
     * @throws IllegalArgumentException if the type is not allowed, or the content is empty or
     *     larger than the cap or WhatsApp's limit for its type (images 5 MB, stickers 500 KB,
     *     audio and video 16 MB, documents 100 MB); nothing was sent
     * @throws GraphApiException if WhatsApp refused the upload
     */
    public String upload(ChannelAccount account, byte[] content, String mimeType, String filename) {
        String type = baseType(mimeType);
        if (!types.contains(type)) {
            throw new IllegalArgumentException("media type " + type + " is not one WhatsApp accepts: " + types);
        }
        long cap = Math.min(maxBytes, whatsAppCap(type));
        if (content.length == 0 || content.length > cap) {
            throw new IllegalArgumentException(
                    "WhatsApp limit: " + type + " media must be 1 to " + cap + " bytes, got " + content.length);
        }
        GraphRequest request = GraphRequest.multipart("/" + account.accountId() + "/media", List.of(
                MultipartPart.field("messaging_product", "whatsapp"),
                MultipartPart.field("type", type),
                MultipartPart.file("file", filename, type, content)));
        JsonNode answer = parse(graph.execute(request, account.accessToken()));
        return text(answer, "id", "upload");
    }

    /**
     * Downloads media a customer sent, through a fresh URL.
     *
     * @param account the WhatsApp account that received it
     * @param mediaId the media id from the webhook
     * @return the bytes and their MIME type
     * @throws GraphApiException if WhatsApp refused, the URL is not on an allowed host, or the
     *     media is larger than the cap
     * @throws ConversaException if the MIME type is not allowed
     */
    public MediaDownload download(ChannelAccount account, String mediaId) {
        GraphResponse info = graph.execute(GraphRequest.get("/" + Objects.requireNonNull(mediaId, "mediaId"),
                Map.of("phone_number_id", account.accountId())), account.accessToken());
        JsonNode meta = parse(info);
        checkType(meta.path("mime_type").asString(""));
        long declaredSize = meta.path("file_size").asLong(0);
        if (declaredSize > maxBytes) {
            throw GraphApiException.builder("media of " + declaredSize + " bytes is larger than the cap of " + maxBytes)
                    .httpStatus(info.status()).build();
        }
        MediaDownload download = graph.download(URI.create(text(meta, "url", "media lookup")),
                account.accessToken(), maxBytes);
        checkType(download.contentType());
        return download;
    }

    /**
     * Deletes uploaded media.
     *
     * @param account the WhatsApp account that uploaded it
     * @param mediaId the media id
     * @throws GraphApiException if WhatsApp refused
     */
    public void delete(ChannelAccount account, String mediaId) {
        graph.execute(GraphRequest.delete("/" + Objects.requireNonNull(mediaId, "mediaId"),
                Map.of("phone_number_id", account.accountId())), account.accessToken());
    }

    /**
     * WhatsApp's size limit per type: images 5 MB, stickers (webp) 500 KB, audio and video
     * 16 MB, documents 100 MB.
     */
    private static long whatsAppCap(String type) {
        if (type.equals("image/webp")) {
            return 500L * 1024;
        }
        if (type.startsWith("image/")) {
            return 5L * 1024 * 1024;
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return 16L * 1024 * 1024;
        }
        return 100L * 1024 * 1024;
    }

    private void checkType(String contentType) {
        String type = baseType(contentType);
        if (!types.contains(type)) {
            throw new ConversaException("media type '" + type + "' is not allowed; allowed: "
                    + types.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    private static String baseType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static JsonNode parse(GraphResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw GraphApiException.builder("the Graph API answered with a body that is not JSON")
                    .httpStatus(response.status()).build();
        }
    }

    private static String text(JsonNode node, String field, String call) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw GraphApiException.builder("the answer to the " + call + " holds no '" + field + "'").httpStatus(200)
                    .build();
        }
        return value.stringValue();
    }

    /** Configures {@link WhatsAppMedia}. Not thread-safe; build once. */
    public static final class Builder {

        private GraphClient graph;
        private long maxBytes = 100L * 1024 * 1024;
        private Set<String> types = SUPPORTED_TYPES;

        private Builder() {
        }

        /**
         * The Graph API client (required).
         *
         * @param graph the client
         * @return this builder
         */
        public Builder graph(GraphClient graph) {
            this.graph = Objects.requireNonNull(graph, "graph");
            return this;
        }

        /**
         * The largest media to upload or download; default 100 MiB.
         *
         * @param maxBytes the cap in bytes, positive; {@link #build()} refuses others
         * @return this builder
         */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * The MIME types allowed in both directions, replacing {@link #SUPPORTED_TYPES}.
         *
         * @param mimeTypes the types, such as {@code image/jpeg}; {@link #build()} refuses an
         *     empty set
         * @return this builder
         */
        public Builder allowedTypes(Set<String> mimeTypes) {
            this.types = Objects.requireNonNull(mimeTypes, "allowedTypes").stream().map(WhatsAppMedia::baseType)
                    .collect(Collectors.toUnmodifiableSet());
            return this;
        }

        /**
         * Builds the media API.
         *
         * @return it, immutable and thread-safe
         * @throws IllegalStateException if {@code graph} is missing, {@code maxBytes} is not
         *     positive or {@code allowedTypes} is empty
         */
        public WhatsAppMedia build() {
            if (graph == null) {
                throw new IllegalStateException(
                        "graph is required: call WhatsAppMedia.builder().graph(GraphClient.builder()...build())");
            }
            if (maxBytes <= 0) {
                throw new IllegalStateException("maxBytes must be positive; got " + maxBytes);
            }
            if (types.isEmpty()) {
                throw new IllegalStateException("allowedTypes must hold at least one MIME type, such as \"image/jpeg\";"
                        + " leave it unset for SUPPORTED_TYPES");
            }
            return new WhatsAppMedia(this);
        }
    }
}
