package dev.conversa.graph;

import java.util.Objects;

/**
 * Downloaded media bytes.
 *
 * @param bytes the content
 * @param contentType the MIME type the server declared
 */
public record MediaDownload(byte[] bytes, String contentType) {

    /** Checks the fields are not null. */
    public MediaDownload {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public String toString() {
        return "MediaDownload[" + contentType + ", " + bytes.length + " bytes]";
    }
}
