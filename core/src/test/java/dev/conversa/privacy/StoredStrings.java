package dev.conversa.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every string reachable from an object graph of the library's classes: the in-memory stores'
 * equivalent of scanning every text column. Walks the fields of {@code dev.conversa} classes and
 * the contents of collections, maps, optionals and arrays.
 */
final class StoredStrings {

    private StoredStrings() {}

    static List<String> of(Object root) {
        List<String> strings = new ArrayList<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next == null || seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (next instanceof Enum<?> || next instanceof Class<?>) {
                continue;
            }
            if (next instanceof String text) {
                strings.add(text);
            } else if (next instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    push(pending, key);
                    push(pending, value);
                });
            } else if (next instanceof Collection<?> collection) {
                collection.forEach(element -> push(pending, element));
            } else if (next instanceof Optional<?> optional) {
                optional.ifPresent(value -> push(pending, value));
            } else if (next instanceof Object[] array) {
                for (Object element : array) {
                    push(pending, element);
                }
            } else if (next instanceof byte[] bytes) {
                strings.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            } else if (next.getClass().isRecord() && !next.getClass().getName().startsWith("dev.conversa")) {
                for (RecordComponent component : next.getClass().getRecordComponents()) {
                    push(pending, read(component, next));
                }
            } else if (next.getClass().getName().startsWith("dev.conversa")) {
                for (Class<?> type = next.getClass(); type != null && type.getName().startsWith("dev.conversa"); type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                            field.setAccessible(true);
                            try {
                                push(pending, field.get(next));
                            } catch (IllegalAccessException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            }
        }
        return strings;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void push(Deque<Object> pending, Object value) {
        if (value != null) {
            pending.push(value);
        }
    }
}
