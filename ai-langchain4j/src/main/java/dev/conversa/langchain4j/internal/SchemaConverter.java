package dev.conversa.langchain4j.internal;

import dev.conversa.internal.respond.ToolJson;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a tool's JSON schema, as text, into LangChain4j's {@link JsonObjectSchema}: objects,
 * strings, integers, numbers, booleans, arrays, nulls and string enums with their descriptions,
 * {@code required} and {@code additionalProperties}; any other construct of a property
 * ({@code anyOf}, {@code $ref}, formats) is passed on as a {@link JsonRawSchema}.
 *
 * <p><b>Internal:</b> not part of the public API. Stateless and thread-safe.
 */
public final class SchemaConverter {

    private SchemaConverter() {}

    /**
     * A tool specification from its name, description and JSON schema text.
     *
     * @param name the tool's name
     * @param description what it does, for the model
     * @param schema the JSON schema of its arguments, a JSON object as text
     * @return the specification
     * @throws IllegalArgumentException if the schema is not a JSON object
     */
    public static ToolSpecification toolSpecification(String name, String description, String schema) {
        JsonNode root = ToolJson.parseSchema(schema, name);
        return ToolSpecification.builder()
                .name(name)
                .description(description)
                .parameters(object(root))
                .build();
    }

    static JsonObjectSchema object(JsonNode node) {
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
        text(node, "description").ifPresent(builder::description);
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                builder.addProperty(property.getKey(), element(property.getValue()));
            }
        }
        JsonNode required = node.get("required");
        if (required != null && required.isArray()) {
            List<String> names = new ArrayList<>();
            required.forEach(item -> names.add(item.asString()));
            builder.required(names);
        }
        JsonNode additional = node.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            builder.additionalProperties(additional.asBoolean());
        }
        return builder.build();
    }

    static JsonSchemaElement element(JsonNode node) {
        if (!node.isObject()) {
            return JsonRawSchema.from(node.toString());
        }
        JsonNode values = node.get("enum");
        if (values != null && values.isArray() && allStrings(values)) {
            List<String> names = new ArrayList<>();
            values.forEach(item -> names.add(item.asString()));
            JsonEnumSchema.Builder builder = JsonEnumSchema.builder().enumValues(names);
            text(node, "description").ifPresent(builder::description);
            return builder.build();
        }
        String type = text(node, "type").orElse("");
        String description = text(node, "description").orElse(null);
        return switch (type) {
            case "object" -> object(node);
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "null" -> new JsonNullSchema();
            case "array" -> array(node, description);
            default -> JsonRawSchema.from(node.toString());
        };
    }

    private static JsonSchemaElement array(JsonNode node, String description) {
        JsonNode items = node.get("items");
        if (items == null) {
            return JsonRawSchema.from(node.toString());
        }
        return JsonArraySchema.builder().description(description).items(element(items)).build();
    }

    private static boolean allStrings(JsonNode values) {
        for (JsonNode value : values) {
            if (!value.isString()) {
                return false;
            }
        }
        return !values.isEmpty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
