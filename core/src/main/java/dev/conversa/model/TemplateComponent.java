package dev.conversa.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one part of a template.
 *
 * @param type {@code "header"}, {@code "body"} or {@code "button"}
 * @param subType for buttons: {@code "quick_reply"}, {@code "url"}, {@code "copy_code"}, ...
 * @param index for buttons: the button's position, from 0
 * @param parameters the values, in order
 */
public record TemplateComponent(
        String type, Optional<String> subType, Optional<Integer> index, List<TemplateParameter> parameters) {

    /** Checks the fields and copies the list. */
    public TemplateComponent {
        Ids.requireId(type, "type");
        Objects.requireNonNull(subType, "subType");
        Objects.requireNonNull(index, "index");
        parameters = List.copyOf(parameters);
    }

    /**
     * A body component with text parameters.
     *
     * @param texts the values of {{1}}, {{2}}, ... in order
     * @return the component
     */
    public static TemplateComponent body(String... texts) {
        return new TemplateComponent("body", Optional.empty(), Optional.empty(),
                java.util.Arrays.stream(texts).map(t -> (TemplateParameter) new TemplateParameter.TextParam(t)).toList());
    }
}
