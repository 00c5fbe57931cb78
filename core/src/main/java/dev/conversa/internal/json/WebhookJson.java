package dev.conversa.internal.json;

import dev.conversa.channel.WebhookPayload;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses webhook bodies once, with limits tight enough that a hostile body cannot exhaust
 * memory or stack: nesting depth {@value #MAX_NESTING_DEPTH}, strings up to
 * {@value #MAX_STRING_LENGTH} characters, numbers up to {@value #MAX_NUMBER_LENGTH} digits,
 * names up to {@value #MAX_NAME_LENGTH} characters, duplicate names rejected, and the document
 * no longer than the body limit.
 *
 * <p><b>Internal:</b> not part of the public API. Immutable and thread-safe.
 */
public final class WebhookJson {

    /** The deepest nesting of objects and arrays accepted. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest string value accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 256 * 1024;
    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The longest property name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 1024;

    private final JsonMapper mapper;

    private WebhookJson(long maxDocumentBytes) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(maxDocumentBytes)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // duplicates found as the tree is built, where a name's second value would replace the
                // first: the parser's own detection keeps a set of names per object, a third of the parse's garbage
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /**
     * Creates a reader for documents up to a size.
     *
     * @param maxDocumentBytes the longest document accepted, in bytes; positive
     * @return the reader
     * @throws IllegalArgumentException if the size is not positive
     */
    public static WebhookJson create(long maxDocumentBytes) {
        if (maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("maxDocumentBytes must be positive");
        }
        return new WebhookJson(maxDocumentBytes);
    }

    /**
     * Parses a body whose top level must be a JSON object.
     *
     * @param body the raw bytes
     * @return the parsed payload over the same bytes, not a copy; the caller must not change them
     * @throws MalformedJsonException if the body is not one JSON object within the limits; its
     *     message says what and where, never the content, and it keeps no cause (the parser's
     *     messages may quote the content)
     */
    public WebhookPayload parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new MalformedJsonException("JSON exceeds a limit: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new MalformedJsonException("malformed JSON" + where(e));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedJsonException("the top level of the JSON body is not an object");
        }
        return WebhookTrees.payload(body, root);
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null ? "" : " at byte " + location.getByteOffset();
    }
}
