package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A media attachment, in either direction, referred to by the channel's media id or by a URL.
 * Inbound media URLs expire; the media store keeps the bytes.
 *
 * @param mediaKind what the media is
 * @param mediaId the channel's id of uploaded media, when known
 * @param url where the media can be fetched, when known (inbound URLs may need the token)
 * @param mimeType the MIME type, when known
 * @param caption a caption shown with the media
 * @param filename a document's file name
 * @param sha256 the channel's checksum of the bytes, when sent
 * @param animated true for animated stickers
 */
public record Media(
        MediaKind mediaKind,
        Optional<String> mediaId,
        Optional<String> url,
        Optional<String> mimeType,
        Optional<String> caption,
        Optional<String> filename,
        Optional<String> sha256,
        boolean animated)
        implements MessageContent, OutboundContent {

    /**
     * Checks the fields; a media needs an id or a URL.
     *
     * @throws IllegalArgumentException if neither an id nor a URL is given
     */
    public Media {
        Objects.requireNonNull(mediaKind, "mediaKind");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(sha256, "sha256");
        if (mediaId.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("media needs a media id or a URL");
        }
    }

    /**
     * Media already uploaded to the channel.
     *
     * @param kind the kind
     * @param mediaId the channel's media id
     * @return the media, without caption
     */
    public static Media byId(MediaKind kind, String mediaId) {
        return new Media(kind, Optional.of(mediaId), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /**
     * Media the channel fetches from a public https URL.
     *
     * @param kind the kind
     * @param url the URL
     * @return the media, without caption
     */
    public static Media byUrl(MediaKind kind, String url) {
        return new Media(kind, Optional.empty(), Optional.of(url), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /**
     * Returns a copy with a caption.
     *
     * @param text the caption
     * @return the copy
     */
    public Media withCaption(String text) {
        return new Media(mediaKind, mediaId, url, mimeType, Optional.of(text), filename, sha256, animated);
    }

    /**
     * Returns a copy with a file name, for documents.
     *
     * @param name the file name
     * @return the copy
     */
    public Media withFilename(String name) {
        return new Media(mediaKind, mediaId, url, mimeType, caption, Optional.of(name), sha256, animated);
    }

    @Override
    public String kind() {
        return mediaKind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String readableText() {
        return caption.orElse("");
    }

    /** Leaves out the caption and URL, which may be personal. */
    @Override
    public String toString() {
        return "Media[" + mediaKind + ", id=" + mediaId.isPresent() + ", url=" + url.isPresent() + "]";
    }
}
