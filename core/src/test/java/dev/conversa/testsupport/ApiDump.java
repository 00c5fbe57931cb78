package dev.conversa.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The recorded public API of a module: every public or protected type outside packages named
 * {@code internal}, with its kind, modifiers, type parameters, supertypes and permitted
 * subtypes, then its public and protected constructors, methods and fields with their generic
 * signatures, one self-contained line each, sorted. It is read by reflection from the module's
 * compiled classes ({@code target/classes}) and compared with {@code api/<artifactId>.api}.
 *
 * <p>Each published module runs it from a one-line test:
 * <pre>{@code
 * @Test
 * void publicApiIsTheRecordedOne() {
 *     ApiDump.assertUnchanged("conversa-core");
 * }
 * }</pre>
 * With {@code -Dconversa.api.update=true} the test rewrites the file instead of comparing; see
 * {@code docs/api-check.md}.
 */
public final class ApiDump {

    /** The system property that makes {@link #assertUnchanged(String)} rewrite the dump. */
    public static final String UPDATE_PROPERTY = "conversa.api.update";

    /** The command that regenerates every module's dump. */
    public static final String UPDATE_COMMAND =
            "mvn -B -o verify -Dtest='PublicApiTest' -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

    private static final Path CLASSES = Path.of("target", "classes");

    private ApiDump() {
    }

    /**
     * Compares the module's public API with {@code api/<artifactId>.api}, or rewrites that file
     * when {@value #UPDATE_PROPERTY} is {@code true}. Run from the module's directory, as
     * Surefire does.
     *
     * @param artifactId the module's artifact id, which names the file
     * @throws AssertionError listing the removed ({@code -}) and added ({@code +}) lines and the
     *     command that records the change, when the API differs from the file
     */
    public static void assertUnchanged(String artifactId) {
        Path file = Path.of("api", artifactId + ".api");
        List<String> actual = lines(CLASSES);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.write(file, actual, StandardCharsets.UTF_8);
                return;
            }
            List<String> recorded = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (!recorded.equals(actual)) {
                fail(difference(file, recorded, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The dump of the classes under a directory.
     *
     * @param classes a directory of compiled classes on this test's class path
     * @return the lines of the dump, types sorted by name, each followed by its sorted members
     */
    public static List<String> lines(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.endsWith("-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(classes.getFileSystem().getSeparator(), "."))
                    .map(ApiDump::load)
                    .filter(ApiDump::isApi)
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .flatMap(type -> Stream.concat(Stream.of(header(type)), members(type).stream()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + name + " is not on the test class path", e);
        }
    }

    private static boolean isApi(Class<?> type) {
        String pkg = type.getPackageName();
        if (pkg.endsWith(".internal") || pkg.contains(".internal.") || type.isSynthetic()
                || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!visible(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String header(Class<?> type) {
        StringBuilder line = new StringBuilder(type.toGenericString());
        if (type.isSealed()) {
            line.insert(line.indexOf(kind(type)), "sealed ");
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            line.append(type.isInterface() ? " extends " : " implements ").append(names(interfaces));
        }
        if (type.isSealed()) {
            line.append(" permits ").append(names(type.getPermittedSubclasses()));
        }
        return line.toString();
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        return type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    }

    private static String names(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    private static List<String> members(Class<?> type) {
        Set<Member> members = new LinkedHashSet<>();
        members.addAll(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredFields()));
        List<String> lines = new ArrayList<>();
        for (Member member : members) {
            if (visible(member.getModifiers()) && !member.isSynthetic()
                    && !(member instanceof java.lang.reflect.Method method && method.isBridge())) {
                lines.add("  " + (member instanceof Field field ? field.toGenericString()
                        : ((Executable) member).toGenericString()));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String difference(Path file, List<String> recorded, List<String> actual) {
        Set<String> before = new LinkedHashSet<>(recorded);
        Set<String> after = new LinkedHashSet<>(actual);
        StringBuilder message = new StringBuilder("The public API differs from ").append(file)
                .append(" (- recorded, + compiled):\n");
        recorded.stream().filter(line -> !after.contains(line)).forEach(line -> message.append("- ").append(line.strip()).append('\n'));
        actual.stream().filter(line -> !before.contains(line)).forEach(line -> message.append("+ ").append(line.strip()).append('\n'));
        return message.append("If the change is intended, record it with\n    ").append(UPDATE_COMMAND)
                .append("\nand commit the .api diff with the change, for review (docs/api-check.md).").toString();
    }
}
