package dev.conversa.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code name=value} arguments of the load drivers. */
public final class Arguments {

    private Arguments() {}

    /**
     * Reads the arguments over the defaults.
     *
     * @param defaults every option the driver knows, with its default value
     * @param args the arguments, each {@code name=value}
     * @return the values, defaults replaced by what the arguments set, in the defaults' order
     * @throws IllegalArgumentException naming an argument that is not {@code name=value} of a
     *     known option, with the options there are
     */
    public static Map<String, String> parse(Map<String, String> defaults, String... args) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !values.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown option '" + arg + "'; options: " + values.keySet());
            }
            values.put(pair[0], pair[1]);
        }
        return values;
    }

    /**
     * One option's value, which must be one of those given.
     *
     * @param values the values {@link #parse} read
     * @param name the option
     * @param allowed the values it may have, two or more
     * @return its value
     * @throws IllegalArgumentException naming the option, the values it may have and the one it has
     */
    public static String oneOf(Map<String, String> values, String name, String... allowed) {
        String value = values.get(name);
        List<String> choices = List.of(allowed);
        if (!choices.contains(value)) {
            int last = choices.size() - 1;
            throw new IllegalArgumentException(name + " must be " + String.join(", ", choices.subList(0, last))
                    + " or " + choices.get(last) + ", was '" + value + "'");
        }
        return value;
    }

    /**
     * One option's value, which must be {@code true} or {@code false}.
     *
     * @param values the values {@link #parse} read
     * @param name the option
     * @return whether it is {@code true}
     * @throws IllegalArgumentException when it is neither
     */
    public static boolean flag(Map<String, String> values, String name) {
        return oneOf(values, name, "true", "false").equals("true");
    }
}
