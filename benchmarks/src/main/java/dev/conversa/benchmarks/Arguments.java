package dev.conversa.benchmarks;

import java.util.LinkedHashMap;
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
}
