package dev.conversa.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One part of a multipart/form-data upload.
 *
 * @param name the form field's name
 * @param filename the file name, for file parts
 * @param contentType the part's content type, for file parts
 * @param content the part's bytes
 */
public record MultipartPart(String name, Optional<String> filename, Optional<String> contentType, byte[] content) {

    /** Checks the fields are not null. */
    public MultipartPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A text field.
     *
     * @param name the field name
     * @param value the value
     * @return the part
     */
    public static MultipartPart field(String name, String value) {
        return new MultipartPart(name, Optional.empty(), Optional.empty(), value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file.
     *
     * @param name the field name
     * @param filename the file name
     * @param contentType the file's MIME type
     * @param content the bytes
     * @return the part
     */
    public static MultipartPart file(String name, String filename, String contentType, byte[] content) {
        return new MultipartPart(name, Optional.of(filename), Optional.of(contentType), content);
    }

    static GraphRequest encode(String path, List<MultipartPart> parts) {
        String boundary = "conversa-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MultipartPart part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quote(part.name)).append('"');
            part.filename.ifPresent(f -> head.append("; filename=\"").append(quote(f)).append('"'));
            head.append("\r\n");
            part.contentType.ifPresent(t -> head.append("Content-Type: ").append(t).append("\r\n"));
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new GraphRequest("POST", path, Map.of(), out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    @Override
    public String toString() {
        return "MultipartPart[" + name + ", " + content.length + " bytes]";
    }
}
