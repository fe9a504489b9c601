package org.ntmrecords.infra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ntmrecords.query.common.InvalidArgumentException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pages of the lists that grow, as Relay connections ({@link Connection}): {@code first}/{@code after} forward,
 * {@code last}/{@code before} backward, a default size when none is asked for and a ceiling
 * ({@code ntm.graphql.limits.default-page-size}, {@code max-page-size}).
 *
 * <p>Lists are read by keyset: a cursor holds the sort keys of the item it was issued for and the name of the list,
 * as base64url of a small JSON object — opaque to clients, naming no class, and refused by another list.
 */
@Component
public class Paging {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int defaultSize;
    private final int maxSize;

    public Paging(@Value("${ntm.graphql.limits.default-page-size:50}") int defaultSize,
                  @Value("${ntm.graphql.limits.max-page-size:200}") int maxSize) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    /**
     * What a client asked of a list.
     *
     * @param list    the list's name (cursors of another list are refused)
     * @param size    how many items
     * @param forward whether the page follows {@code keys} (or starts the list) rather than preceding them
     * @param keys    the sort keys of the item the page continues from; null for the first (or last) page
     */
    public record PageRequest(String list, int size, boolean forward, Map<String, Object> keys) {
        /** A sort key of the cursor's item, or null on the first page. */
        public Object key(String name) {
            return keys == null ? null : keys.get(name);
        }

        /** A numeric sort key as a long, or null. */
        public Long longKey(String name) {
            Object value = key(name);
            return value == null ? null : ((Number) value).longValue();
        }
    }

    /** Reads the paging arguments of a connection field; {@code first} and {@code last} are not both given. */
    public PageRequest request(String list, Integer first, String after, Integer last, String before) {
        if (first != null && last != null || after != null && before != null) {
            throw new InvalidArgumentException(ApiText.of("page.bothDirections"));
        }
        boolean forward = last == null && before == null;
        Integer asked = forward ? first : last;
        int size = asked == null ? defaultSize : asked;
        if (size < 1 || size > maxSize) {
            throw new InvalidArgumentException(ApiText.of("limits.pageSize", maxSize, size));
        }
        String cursor = forward ? after : before;
        return new PageRequest(list, size, forward, cursor == null ? null : decode(list, cursor));
    }

    /**
     * A page from the rows read for it, in display order: {@code fetched} holds up to one row more than the page (so
     * that their number tells whether more follow) — after the page going forward, before it going backward.
     */
    public <T> Connection<T> connection(List<T> fetched, PageRequest request, Function<T, Map<String, Object>> keys,
                                        long totalCount) {
        List<T> rows = new ArrayList<>(fetched);
        boolean more = rows.size() > request.size();
        if (more) {
            rows.remove(request.forward() ? rows.size() - 1 : 0);
        }
        List<Connection.Edge<T>> edges = rows.stream()
                .map(row -> new Connection.Edge<>(encode(request.list(), keys.apply(row)), row)).toList();
        boolean previous = request.forward() ? request.keys() != null : more;
        boolean next = request.forward() ? more : request.keys() != null;
        return new Connection<>(edges, new Connection.PageInfo(previous, next,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                totalCount);
    }

    static String encode(String list, Map<String, Object> keys) {
        Map<String, Object> cursor = new LinkedHashMap<>();
        cursor.put("l", list);
        cursor.put("k", keys);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(cursor));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> decode(String list, String cursor) {
        try {
            Map<String, Object> read = JSON.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() { });
            if (list.equals(read.get("l")) && read.get("k") instanceof Map<?, ?> keys) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) keys;
                return typed;
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // not a cursor of ours
        }
        throw new InvalidArgumentException(ApiText.of("cursor.foreign"));
    }
}
