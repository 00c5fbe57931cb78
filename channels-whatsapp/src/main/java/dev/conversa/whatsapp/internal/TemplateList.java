package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.MessageTemplate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads one page of {@code GET /{waba-id}/message_templates}: each template's name, language,
 * status, category and id, and how many parameters its body takes (the distinct
 * {@code {{1}}}/{@code {{name}}} placeholders of its {@code BODY} component's text). A template
 * without name, language or status is left out.
 */
public final class TemplateList {

    /** The fields asked for. */
    public static final String FIELDS = "id,name,language,status,category,components";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private TemplateList() {}

    /**
     * The templates of one page.
     *
     * @param page the parsed answer
     * @return the templates, in the page's order
     */
    public static List<MessageTemplate> templates(JsonNode page) {
        return LenientJson.array(page, "data").stream().map(TemplateList::template).flatMap(Optional::stream)
                .toList();
    }

    /**
     * The cursor of the next page, when the answer says there is one ({@code paging.next} and
     * {@code paging.cursors.after}).
     *
     * @param page the parsed answer
     * @return the {@code after} cursor, empty on the last page
     */
    public static Optional<String> nextCursor(JsonNode page) {
        JsonNode paging = LenientJson.object(page, "paging");
        if (LenientJson.nonBlank(paging, "next").isEmpty()) {
            return Optional.empty();
        }
        return LenientJson.nonBlank(LenientJson.object(paging, "cursors"), "after");
    }

    private static Optional<MessageTemplate> template(JsonNode node) {
        Optional<String> name = LenientJson.nonBlank(node, "name");
        Optional<String> language = LenientJson.nonBlank(node, "language");
        Optional<String> status = LenientJson.nonBlank(node, "status");
        if (name.isEmpty() || language.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MessageTemplate(name.get(), language.get(), status.get(),
                LenientJson.nonBlank(node, "category"), Optional.of(bodyParameters(node)),
                LenientJson.nonBlank(node, "id")));
    }

    private static int bodyParameters(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode component : LenientJson.array(node, "components")) {
            if ("BODY".equalsIgnoreCase(LenientJson.text(component, "type").orElse(""))) {
                Matcher matcher = PLACEHOLDER.matcher(LenientJson.text(component, "text").orElse(""));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names.size();
    }
}
